import type { GenerationJob } from '../../../shared/studio-types.ts';
import { jobStatusLine } from './job-status.ts';
import { useGallery } from '../stores/gallery.ts';
import { isLive, useJobs } from '../stores/jobs.ts';
import { useNavigation } from '../stores/navigation.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { credits } from './useQuote.ts';

const statusLine = (job: GenerationJob) => jobStatusLine(job, 'Generating');

const expectedCount = (job: GenerationJob) => (typeof job.input.num_images === 'number' ? job.input.num_images : typeof job.input.count === 'number' ? job.input.count : 1);

/** One generation in place: progress while it runs, its images as they arrive, then actions. */
export function JobCard({ job, compact = false }: { job: GenerationJob; compact?: boolean }) {
  const { cancel, retry, dismiss } = useJobs.getState();
  const view = (id: string) => {
    useGallery.setState({ viewing: id });
    useNavigation.getState().go('gallery');
  };
  const live = isLive(job);
  const placeholders = live ? Math.max(0, expectedCount(job) - job.images.length) : 0;
  return (
    <article className={`job job-${job.status}${compact ? ' compact' : ''}`} aria-label={`Generation: ${String(job.input.prompt ?? job.toolName)}`} data-job-status={job.status}>
      <header className="job-head">
        <div className="job-title">
          <strong>{String(job.input.prompt ?? '') || job.toolName}</strong>
          <span className="muted">
            {job.toolName} · <span className="job-status" aria-live="polite">{statusLine(job)}</span>
          </span>
        </div>
        <div className="job-actions">
          {live && job.status !== 'downloading' && (
            <button type="button" className="button small ghost" onClick={() => void cancel(job.jobId)}>
              Cancel
            </button>
          )}
          {(job.status === 'failed' || job.status === 'canceled') && (
            <button type="button" className="button small" onClick={() => void retry(job.jobId)}>
              Retry
            </button>
          )}
          {!live && (
            <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={() => void dismiss(job.jobId)}>
              ×
            </button>
          )}
        </div>
      </header>
      {live && (
        <div
          className={job.progress === undefined ? 'progress indeterminate' : 'progress'}
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          {...(job.progress !== undefined ? { 'aria-valuenow': Math.round(job.progress) } : {})}
        >
          <div className="progress-fill" style={{ width: `${job.progress ?? 35}%` }} />
        </div>
      )}
      {job.error && <ErrorNotice error={job.error} />}
      {(job.images.length > 0 || placeholders > 0) && (
        <div className="job-images">
          {job.images.map((img) => (
            <button key={img.id} type="button" className="thumb" onClick={() => view(img.id)} aria-label="Open in gallery">
              <img src={img.url} alt={String(job.input.prompt ?? 'Generated image')} />
            </button>
          ))}
          {Array.from({ length: placeholders }, (_, i) => (
            <div key={`p${i}`} className="thumb placeholder" aria-hidden="true" />
          ))}
        </div>
      )}
    </article>
  );
}
