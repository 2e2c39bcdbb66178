import './studio.css';
import { useCallback, useEffect } from 'react';
import { jobsNewestFirst, useJobs } from '../stores/jobs.ts';
import { studioInput, themeTools, useStudio } from '../stores/studio.ts';
import { AccessNotice } from './AccessNotice.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { JobCard } from './JobCard.tsx';
import { PromptBox } from './PromptBox.tsx';
import { StudioOptions } from './StudioOptions.tsx';
import { fieldsOf, hasField, missingRequired, STUDIO_FIELDS } from './schema-form.ts';
import { useAccess } from './useAccess.ts';
import { credits, useQuote } from './useQuote.ts';

export const isMac = navigator.platform.toLowerCase().includes('mac');
export const shortcutLabel = isMac ? '⌘↵' : 'Ctrl+Enter';

/** The AI Image Studio: prompt, model and options, the exact price, and generations in place. */
export function StudioPage() {
  const catalog = useStudio((s) => s.catalog);
  const catalogError = useStudio((s) => s.catalogError);
  const toolId = useStudio((s) => s.toolId);
  const values = useStudio((s) => s.values);
  const seedLocked = useStudio((s) => s.seedLocked);
  const history = useStudio((s) => s.history);
  const jobs = useJobs((s) => s.jobs);
  const startError = useJobs((s) => s.startError);
  const access = useAccess();

  useEffect(() => {
    void useStudio.getState().loadCatalog();
  }, [access.offline]);

  const request = studioInput({ catalog, toolId, values, seedLocked });
  const missing = request ? missingRequired(request.tool, request.input) : ['model'];
  const quote = useQuote(request?.tool.id, missing.length === 0 ? request?.input : undefined);
  const canGenerate = access.canGenerate && request !== undefined && missing.length === 0;

  const generate = useCallback(() => {
    const now = useStudio.getState();
    const req = studioInput(now);
    if (!req || missingRequired(req.tool, req.input).length > 0) return;
    now.remember(String(req.input.prompt ?? ''));
    void useJobs.getState().generate(req.tool.id, req.input);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.repeat) {
        e.preventDefault();
        if (canGenerate) generate();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canGenerate, generate]);

  const themeIds = new Set(themeTools(catalog).map((t) => t.id));
  // Image tools (issue 6) show their jobs on their own page.
  const studioJobs = jobsNewestFirst(jobs).filter((j) => !themeIds.has(j.tool) && !j.tool.startsWith('image/'));
  const tool = request?.tool;
  const promptField = tool ? fieldsOf(tool.params).find((f) => f.name === STUDIO_FIELDS.prompt) : undefined;

  return (
    <section className="page studio">
      <AccessNotice offline={access.offline} signedIn={access.signedIn} onRetry={access.retry} />
      {!catalog && catalogError && <ErrorNotice error={catalogError} onRetry={() => void useStudio.getState().loadCatalog(true)} />}
      {!catalog && !catalogError && <p className="muted">Loading models…</p>}
      {tool && (
        <div className="studio-grid">
          <div className="studio-main">
            <div className="card compose">
              <PromptBox value={typeof values.prompt === 'string' ? values.prompt : ''} onChange={(v) => useStudio.getState().setValue('prompt', v)} history={history} maxLength={promptField?.maxLength} />
              {hasField(tool, STUDIO_FIELDS.negativePrompt) && (
                <label className="field">
                  <span>Negative prompt</span>
                  <textarea
                    aria-label="Negative prompt"
                    rows={2}
                    placeholder="What to leave out, e.g. blurry, text, watermark"
                    value={typeof values.negative_prompt === 'string' ? values.negative_prompt : ''}
                    onChange={(e) => useStudio.getState().setValue('negative_prompt', e.target.value)}
                  />
                </label>
              )}
              <div className="generate-row">
                <span className="muted small">
                  {missing.length > 0 ? `Needs: ${missing.join(', ')}` : quote.state === 'error' ? quote.error.message : `${shortcutLabel} to generate`}
                </span>
                <button type="button" className="button primary generate" disabled={!canGenerate} onClick={generate} aria-keyshortcuts={isMac ? 'Meta+Enter' : 'Control+Enter'}>
                  Generate
                  <span className="cost" data-cost={quote.state === 'ready' ? quote.cost : undefined}>
                    {quote.state === 'ready' ? credits(quote.cost) : quote.state === 'loading' ? '…' : ''}
                  </span>
                </button>
              </div>
              {startError && <ErrorNotice error={startError} onRetry={generate} />}
            </div>
            <div className="jobs" aria-label="Generations">
              {studioJobs.length === 0 && <p className="muted empty">Your images appear here as they are made, and are saved to your gallery.</p>}
              {studioJobs.map((job) => (
                <JobCard key={job.jobId} job={job} />
              ))}
            </div>
          </div>
          <StudioOptions tool={tool} />
        </div>
      )}
    </section>
  );
}
