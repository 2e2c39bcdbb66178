import '../studio/studio.css';
import { useFileDrop } from '../common/useFileDrop.ts';
import { jobStatusLine } from '../studio/job-status.ts';
import './image-tools.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageToolQuote } from '../../../shared/image-tools.ts';
import type { IpcError } from '../../../shared/result.ts';
import type { CatalogTool, GenerationJob } from '../../../shared/studio-types.ts';
import { mainApi } from '../common/pp.ts';
import { useGallery } from '../stores/gallery.ts';
import { IMAGE_TOOL_IDS, useImageTools, type ImageToolId } from '../stores/image-tools.ts';
import { isLive, useJobs } from '../stores/jobs.ts';
import { useNavigation } from '../stores/navigation.ts';
import { AccessNotice } from '../studio/AccessNotice.tsx';
import { ErrorNotice } from '../studio/ErrorNotice.tsx';
import { FieldControl } from '../studio/FieldControl.tsx';
import { defaultsOf, fieldsOf, inputFor, missingRequired } from '../studio/schema-form.ts';
import { useAccess } from '../studio/useAccess.ts';
import { credits } from '../studio/useQuote.ts';
import { CompareView } from './CompareView.tsx';
import { GalleryPicker } from './GalleryPicker.tsx';

const ACCEPT = 'image/png,image/jpeg,image/webp';
const isMac = navigator.platform.toLowerCase().includes('mac');

type QuoteState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; quote: ImageToolQuote } | { state: 'error'; error: IpcError };

const statusLine = (job: GenerationJob) => jobStatusLine(job, 'Working');

/** Upscale, enhance, restore faces, remove backgrounds and edit with words, on the user's own image. */
export function ImageToolsPage() {
  const [catalog, setCatalog] = useState<CatalogTool[] | undefined>();
  const [catalogError, setCatalogError] = useState<IpcError | undefined>();
  const [picking, setPicking] = useState(false);
  const { dragging, dropProps } = useFileDrop((files) => openFiles(files));
  const fileInput = useRef<HTMLInputElement>(null);
  const { toolId, source, loading, upload, values, jobId, localError } = useImageTools();
  const job = useJobs((s) => (jobId ? s.jobs[jobId] : undefined));
  const startError = useJobs((s) => s.startError);
  const access = useAccess();

  useEffect(() => {
    void mainApi()
      .studio.getCatalog()
      .then((res) => (res.ok ? setCatalog(res.value.filter((t) => t.group === 'image-tool')) : setCatalogError(res.error)));
  }, [access.offline]);

  const tool = catalog?.find((t) => t.id === toolId);
  const fields = tool ? fieldsOf(tool.params).filter((f) => f.name !== 'upload_id') : [];
  const settings = tool ? { ...defaultsOf(tool.params), ...values[toolId] } : {};
  const input = tool ? inputFor(tool, settings) : {};
  delete input.upload_id;
  const missing = tool ? missingRequired(tool, { ...input, upload_id: 'x' }) : [];
  const uploadId = upload.state === 'ready' ? upload.image.uploadId : undefined;

  // The exact price for THIS image, once it is uploaded (the backend owns prices). After a run
  // the upload is gone, but the same tool, settings and image keep the same price.
  const [quote, setQuote] = useState<QuoteState & { base?: string }>({ state: 'idle' });
  const quoteBase = source && tool && missing.length === 0 ? JSON.stringify([toolId, source.previewUrl, input]) : '';
  useEffect(() => {
    if (!quoteBase) return setQuote({ state: 'idle' });
    if (!uploadId) {
      setQuote((q) => (q.base === quoteBase && q.state === 'ready' ? q : { state: 'idle' }));
      return;
    }
    let current = true;
    setQuote((q) => (q.base === quoteBase && q.state === 'ready' ? q : { state: 'loading' }));
    const [tid, , inp] = JSON.parse(quoteBase) as [string, string, Record<string, unknown>];
    const timer = setTimeout(() => {
      void mainApi()
        .imageTools.quote(tid, { ...inp, upload_id: uploadId })
        .then((res) => current && setQuote(res.ok ? { state: 'ready', quote: res.value, base: quoteBase } : { state: 'error', error: res.error, base: quoteBase }));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [quoteBase, uploadId]);

  const running = job !== undefined && isLive(job);
  const canRun = access.canGenerate && source !== undefined && tool !== undefined && missing.length === 0 && !running && upload.state !== 'error' && quote.state !== 'error';
  const run = useCallback(() => void useImageTools.getState().run(input), [JSON.stringify(input)]);

  const openFiles = useCallback((files: FileList | File[] | null | undefined) => {
    const file = files ? Array.from(files).find((f) => f.type.startsWith('image/') || /\.(png|jpe?g|webp)$/i.test(f.name)) : undefined;
    if (file) void useImageTools.getState().openFile(file, file.name);
    else if (files && Array.from(files).length) useImageTools.setState({ localError: 'That is not an image. Drop or paste a PNG, JPEG or WebP image.' });
  }, []);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT')) return;
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length) {
        e.preventDefault();
        openFiles(files);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.repeat && canRun) {
        e.preventDefault();
        run();
      } else if (e.key.toLowerCase() === 'o' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        fileInput.current?.click();
      }
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('keydown', onKey);
    };
  }, [canRun, run, openFiles]);

  const result = job?.status === 'succeeded' ? job.images[0] : undefined;
  const chain = (tool: ImageToolId) => result && useImageTools.getState().openGalleryItem(result, tool);

  return (
    <section className="page image-tools" aria-labelledby="image-tools-title">
      <header className="page-head">
        <h1 id="image-tools-title">Image tools</h1>
        <p className="muted">Improve your own images. You see the exact price for each image before anything is charged.</p>
      </header>
      {(access.offline || access.signedIn === false) && <AccessNotice offline={access.offline} signedIn={access.signedIn} onRetry={access.retry} />}
      {catalogError && <ErrorNotice error={catalogError} />}

      <div className="tool-tabs" role="tablist" aria-label="Tool">
        {IMAGE_TOOL_IDS.map((id) => {
          const t = catalog?.find((c) => c.id === id);
          if (!t) return null;
          return (
            <button key={id} type="button" role="tab" aria-selected={id === toolId} className={id === toolId ? 'chip active' : 'chip'} onClick={() => useImageTools.getState().setTool(id)}>
              {t.name}
            </button>
          );
        })}
      </div>
      {tool?.description && <p className="tool-description muted">{tool.description}</p>}

      <div className="image-tools-body">
        <div
          className={`drop-zone${dragging ? ' dragging' : ''}${source ? ' has-image' : ''}`}
          aria-label="Image to improve"
          {...dropProps}
        >
          {result && source ? (
            <CompareView before={source.previewUrl} after={result.url} checkerboard={toolId === 'image/remove-background'} />
          ) : source ? (
            <img className="source-preview" src={source.previewUrl} alt={`Your image: ${source.name}`} />
          ) : (
            <div className="drop-hint">
              <strong>{loading ? 'Opening…' : 'Drop an image here'}</strong>
              <span className="muted">or paste it ({isMac ? '⌘' : 'Ctrl+'}V) · PNG, JPEG or WebP, up to 25 MB and 40 megapixels</span>
            </div>
          )}
          <div className="source-actions">
            <button type="button" className="button small" onClick={() => fileInput.current?.click()}>
              Open file…
            </button>
            <button type="button" className="button small" onClick={() => setPicking(true)}>
              From gallery…
            </button>
            {source && (
              <span className="muted source-size">
                {source.width && source.height ? `${source.width} × ${source.height}` : ''}
                {upload.state === 'uploading' ? ' · preparing…' : ''}
              </span>
            )}
          </div>
          <input ref={fileInput} type="file" accept={ACCEPT} hidden aria-label="Open an image file" onChange={(e) => openFiles(e.target.files)} />
        </div>

        <aside className="image-tools-side">
          {fields.map((field) => (
            <FieldControl key={`${toolId}-${field.name}`} field={field} idPrefix={`it-${toolId}`} value={settings[field.name]} onChange={(v) => useImageTools.getState().setValue(field.name, v)} />
          ))}
          {localError && <div className="notice notice-error" role="alert">{localError}</div>}
          {upload.state === 'error' && <ErrorNotice error={upload.error} onRetry={() => void useImageTools.getState().ensureUpload()} />}
          <div className="price-line" aria-live="polite">
            {!source ? (
              <span className="muted">Choose an image to see its price.</span>
            ) : quote.state === 'ready' ? (
              <>
                <strong data-testid="image-tool-price">{credits(quote.quote.cost)}</strong>
                {quote.quote.explanation && <span className="muted price-explanation">{quote.quote.explanation}</span>}
              </>
            ) : quote.state === 'error' ? (
              <ErrorNotice error={quote.error} />
            ) : missing.length > 0 ? (
              <span className="muted">Fill in: {missing.join(', ')}</span>
            ) : (
              <span className="muted">Working out the price…</span>
            )}
          </div>
          <button type="button" className="button primary" disabled={!canRun} onClick={run} title={`${isMac ? '⌘' : 'Ctrl+'}Enter`}>
            {tool ? tool.name : 'Run'}
            {quote.state === 'ready' ? ` · ${credits(quote.quote.cost)}` : ''}
          </button>
          {startError && <ErrorNotice error={startError} />}
          {job && (
            <div className={`job-status job-${job.status}`} data-job-status={job.status} role="status">
              <span>{statusLine(job)}</span>
              {running && (
                <>
                  <div className={`progress${job.progress === undefined ? ' indeterminate' : ''}`}>
                    <div className="progress-fill" style={{ width: `${job.progress ?? 30}%` }} />
                  </div>
                  <button type="button" className="button small ghost" onClick={() => void useJobs.getState().cancel(job.jobId)}>
                    Cancel
                  </button>
                </>
              )}
              {/* A retry is a new run: the failed run's upload was deleted, so run() uploads again. */}
              {job.error && <ErrorNotice error={job.error} onRetry={canRun ? run : undefined} />}
            </div>
          )}
          {result && (
            <div className="chain-actions" role="group" aria-label="Continue with the result">
              <button type="button" className="button small" onClick={() => chain('image/upscale-2x')}>
                Upscale this
              </button>
              <button type="button" className="button small" onClick={() => chain('image/remove-background')}>
                Remove background
              </button>
              <button
                type="button"
                className="button small ghost"
                onClick={() => {
                  useGallery.setState({ viewing: result.id });
                  useNavigation.getState().go('gallery');
                }}
              >
                Open in gallery
              </button>
            </div>
          )}
        </aside>
      </div>
      {picking && (
        <GalleryPicker
          onClose={() => setPicking(false)}
          onPick={(item) => {
            setPicking(false);
            useImageTools.getState().openGalleryItem(item);
          }}
        />
      )}
    </section>
  );
}
