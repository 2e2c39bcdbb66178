import { useEffect, useRef } from 'react';
import type { CatalogTool } from '../../../shared/studio-types.ts';
import { jobsNewestFirst, useJobs } from '../stores/jobs.ts';
import { useThemes } from '../stores/themes.ts';
import { FieldControl } from '../studio/FieldControl.tsx';
import { JobCard } from '../studio/JobCard.tsx';
import { defaultsOf, fieldsOf, inputFor, missingRequired, priceLabel, STUDIO_FIELDS, type FieldSpec } from '../studio/schema-form.ts';

/** The image knobs every theme shares with the studio; each card folds them away. */
const SHARED = new Set<string>([STUDIO_FIELDS.aspectRatio, STUDIO_FIELDS.seed, ...STUDIO_FIELDS.count, ...STUDIO_FIELDS.safety]);
import { credits, useQuote } from '../studio/useQuote.ts';

/** One themed generator: its own small form from its schema, its price, and its latest results. */
export function ThemeCard({ tool, canGenerate }: { tool: CatalogTool; canGenerate: boolean }) {
  const stored = useThemes((s) => s.values[tool.id]);
  const focused = useThemes((s) => s.focused === tool.id);
  const jobs = useJobs((s) => s.jobs);
  const ref = useRef<HTMLElement>(null);
  const values = { ...defaultsOf(tool.params), ...stored };
  const input = inputFor(tool, values);
  const missing = missingRequired(tool, input);
  const quote = useQuote(tool.id, missing.length === 0 ? input : undefined);
  const latest = jobsNewestFirst(jobs).filter((j) => j.tool === tool.id).slice(0, 2);

  useEffect(() => {
    if (!focused) return;
    ref.current?.scrollIntoView({ block: 'center' });
    useThemes.setState({ focused: undefined });
  }, [focused]);

  const fields = fieldsOf(tool.params);
  const own = fields.filter((f) => !SHARED.has(f.name));
  const shared = fields.filter((f) => SHARED.has(f.name));
  const control = (f: FieldSpec) => (
    <FieldControl key={f.name} idPrefix={tool.id} field={f} value={values[f.name]} onChange={(v) => useThemes.getState().setValue(tool.id, f.name, v)} />
  );

  const generate = () => {
    if (missing.length === 0 && canGenerate) void useJobs.getState().generate(tool.id, input);
  };

  return (
    <article ref={ref} className="card theme-card" aria-label={tool.name}>
      <header className="theme-head">
        <h3>{tool.name}</h3>
        <span className="price">{priceLabel(tool.pricing) ?? ''}</span>
      </header>
      {tool.description && <p className="muted small">{tool.description}</p>}
      <form
        className="theme-form"
        onSubmit={(e) => {
          e.preventDefault();
          generate();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            generate();
          }
        }}
      >
        {own.map(control)}
        {shared.length > 0 && (
          <details className="more-options">
            <summary>Size, number of images, safety and seed</summary>
            {shared.map(control)}
          </details>
        )}
        <button type="submit" className="button primary generate" disabled={!canGenerate || missing.length > 0}>
          Generate <span className="cost">{quote.state === 'ready' ? credits(quote.cost) : quote.state === 'loading' ? '…' : ''}</span>
        </button>
        {missing.length > 0 && <span className="muted small needs">Needs: {missing.join(', ')}</span>}
      </form>
      {latest.map((job) => (
        <JobCard key={job.jobId} job={job} compact />
      ))}
    </article>
  );
}
