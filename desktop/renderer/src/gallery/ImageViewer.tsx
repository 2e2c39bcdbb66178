import { useEffect, useRef, useState } from 'react';
import type { GalleryItem } from '../../../shared/studio-types.ts';
import { useGallery } from '../stores/gallery.ts';
import { useStudio } from '../stores/studio.ts';
import { useImageTools } from '../stores/image-tools.ts';
import { credits } from '../studio/useQuote.ts';

function chainTool(item: GalleryItem, tool: 'image/upscale-2x' | 'image/remove-background') {
  useGallery.setState({ viewing: undefined, notice: undefined });
  useImageTools.getState().openGalleryItem(item, tool);
}

/** The large view of one gallery image, its settings, and what can be done with it. */
export function ImageViewer({ item, items }: { item: GalleryItem; items: GalleryItem[] }) {
  const notice = useGallery((s) => s.notice);
  const [confirming, setConfirming] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const { copy, reveal, remove, openInEditor } = useGallery.getState();
  const close = () => useGallery.setState({ viewing: undefined, notice: undefined });
  const index = items.findIndex((i) => i.id === item.id);

  useEffect(() => {
    setConfirming(false);
    dialog.current?.focus();
  }, [item.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      const next = items[index + step];
      if (step && next) useGallery.setState({ viewing: next.id, notice: undefined });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [index, items]);

  const meta = item.meta;
  return (
    <div className="viewer-backdrop" onClick={(e) => e.target === e.currentTarget && close()}>
      <div className="viewer" role="dialog" aria-modal="true" aria-label="Image" tabIndex={-1} ref={dialog}>
        <div className="viewer-image">
          <img src={item.url} alt={meta?.prompt ?? item.id} />
        </div>
        <div className="viewer-side">
          <button type="button" className="icon-button viewer-close" aria-label="Close" onClick={close}>
            ×
          </button>
          <p className="viewer-prompt">{meta?.prompt ?? item.id}</p>
          <dl className="viewer-meta">
            {meta?.negativePrompt && (
              <>
                <dt>Negative</dt>
                <dd>{meta.negativePrompt}</dd>
              </>
            )}
            {meta && (
              <>
                <dt>Model</dt>
                <dd>{meta.toolName}</dd>
              </>
            )}
            {meta?.seed !== undefined && (
              <>
                <dt>Seed</dt>
                <dd>{meta.seed}</dd>
              </>
            )}
            {meta?.width && meta.height && (
              <>
                <dt>Size</dt>
                <dd>
                  {meta.width} × {meta.height}
                </dd>
              </>
            )}
            {meta?.cost !== undefined && (
              <>
                <dt>Cost</dt>
                <dd>{credits(meta.cost)}</dd>
              </>
            )}
            <dt>Date</dt>
            <dd>{new Date(item.createdAt).toLocaleString()}</dd>
          </dl>
          <div className="viewer-actions">
            {meta && (
              <button type="button" className="button primary" onClick={() => void useStudio.getState().useSettings(meta)}>
                Use these settings again
              </button>
            )}
            <button type="button" className="button" onClick={() => void openInEditor(item.id)}>
              Add text
            </button>
            {/* Image tools (issue 6): chain a tool onto this image. */}
            <button type="button" className="button" onClick={() => chainTool(item, 'image/upscale-2x')}>
              Upscale this
            </button>
            <button type="button" className="button" onClick={() => chainTool(item, 'image/remove-background')}>
              Remove background
            </button>
            <button type="button" className="button" onClick={() => void copy(item.id)}>
              Copy
            </button>
            <button type="button" className="button" onClick={() => void reveal(item.id)}>
              Show in folder
            </button>
            {!confirming ? (
              <button type="button" className="button danger" onClick={() => setConfirming(true)}>
                Delete…
              </button>
            ) : (
              <div className="confirm" role="alertdialog" aria-label="Confirm delete">
                <span>Delete this image and its settings from your computer?</span>
                <button type="button" className="button danger" onClick={() => void remove(item.id)}>
                  Delete
                </button>
                <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
                  Keep
                </button>
              </div>
            )}
          </div>
          {notice && <p className={notice.tone === 'ok' ? 'notice notice-ok' : 'notice notice-error'}>{notice.text}</p>}
        </div>
      </div>
    </div>
  );
}
