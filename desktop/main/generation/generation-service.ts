import type { GalleryItem, GenerationInput, GenerationJob, JobError } from '../../shared/studio-types.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { DownloadResult } from '../gallery/download.ts';
import type { GalleryFolder } from '../gallery/gallery-folder.ts';
import type { ToolCatalog } from './catalog.ts';
import { readSse, type OpenEventStream } from './sse.ts';
import { generationSchema, type WireGeneration } from './wire.ts';

/**
 * Runs the user's generations: submit with an Idempotency-Key (one per user action, the same
 * one when that action is retried), follow progress, download results into the gallery at
 * once, cancel. Several jobs run side by side; every change is pushed through `onJobChanged`.
 *
 * Progress arrives over Server-Sent Events (GET /v1/generations/:id/events) when an event-stream
 * opener is given; otherwise, or when the stream breaks, GET /v1/generations/:id is polled
 * through the AuthorizedBackend (which owns the token and its refresh).
 */
export interface GenerationServiceDeps {
  backend: AuthorizedBackend;
  catalog: ToolCatalog;
  gallery: GalleryFolder;
  download: (url: string) => Promise<DownloadResult>;
  newId: () => string;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onJobChanged: (job: GenerationJob) => void;
  onGalleryChanged: () => void;
  openEventStream?: OpenEventStream | undefined;
  pollMs?: number;
  /** Consecutive failed status checks before a job reports that contact was lost. */
  maxMissedPolls?: number;
}

interface JobState {
  job: GenerationJob;
  idempotencyKey: string;
  cancelRequested: boolean;
  /** Bumped on every (re)start so a superseded follow loop stops quietly. */
  run: number;
  /** Closes the event stream of the current run. */
  abort: AbortController;
}

/**
 * The sidecar's prompt: the user's own, or for themed generators (whose prompt the backend
 * writes from a template) the theme and the options chosen, so the gallery search finds it.
 */
export function promptOf(job: Pick<GenerationJob, 'toolName' | 'input'>): string {
  if (typeof job.input.prompt === 'string' && job.input.prompt.trim()) return job.input.prompt;
  // upload_id names a server-side file that is gone after processing: not worth searching for.
  const skip = new Set(['aspect_ratio', 'num_images', 'seed', 'safety', 'upload_id']);
  const options = Object.entries(job.input)
    .filter(([k, v]) => !skip.has(k) && (typeof v === 'string' || typeof v === 'number') && String(v).trim() !== '')
    .map(([, v]) => String(v));
  return options.length ? `${job.toolName}: ${options.join(', ')}` : job.toolName;
}

const LIVE = new Set(['submitting', 'queued', 'running', 'downloading']);

export function createGenerationService(deps: GenerationServiceDeps) {
  const jobs = new Map<string, JobState>();
  const pollMs = deps.pollMs ?? 750;
  const maxMissed = deps.maxMissedPolls ?? 20;

  const snapshot = (s: JobState): GenerationJob => structuredClone(s.job);
  function update(s: JobState, patch: Partial<GenerationJob>): void {
    s.job = { ...s.job, ...patch, updatedAt: deps.now() };
    for (const key of Object.keys(patch) as (keyof GenerationJob)[]) if (patch[key] === undefined) delete s.job[key];
    deps.onJobChanged(snapshot(s));
  }
  const failJob = (s: JobState, error: JobError) => update(s, { status: 'failed', error, progress: undefined, queuePosition: undefined });

  function errorOf(g: WireGeneration): JobError {
    if (typeof g.error === 'string') return { code: 'generation_failed', message: g.error };
    return { code: g.error?.code ?? 'generation_failed', message: g.error?.message ?? 'The generation failed. Nothing was charged.' };
  }

  async function saveResults(s: JobState, g: WireGeneration): Promise<void> {
    const images = g.result?.images ?? [];
    if (images.length === 0) return failJob(s, { code: 'no_images', message: 'The generation finished without images.' });
    update(s, { status: 'downloading', progress: undefined, queuePosition: undefined });
    const input = s.job.input;
    const saved: GalleryItem[] = [...s.job.images];
    // A retried download keeps what was already saved and fetches only the rest.
    for (let index = saved.length; index < images.length; index++) {
      const image = images[index]!;
      const got = await deps.download(image.url);
      if (!got.ok) return failJob(s, { code: got.code, message: got.message });
      const seed = typeof input.seed === 'number' ? input.seed : g.result?.seed;
      const item = await deps.gallery.saveImage(got, {
        version: 1,
        generationId: g.id,
        tool: s.job.tool,
        toolName: s.job.toolName,
        prompt: promptOf(s.job),
        ...(typeof input.negative_prompt === 'string' && input.negative_prompt ? { negativePrompt: input.negative_prompt } : {}),
        ...(seed !== undefined ? { seed } : {}),
        params: input,
        ...(typeof g.cost === 'number' ? { cost: g.cost } : {}),
        index,
        ...(image.width ? { width: image.width } : {}),
        ...(image.height ? { height: image.height } : {}),
      });
      saved.push(item);
      update(s, { images: saved.slice() });
      deps.onGalleryChanged();
    }
    update(s, { status: 'succeeded', error: undefined });
  }

  function apply(s: JobState, g: WireGeneration): void {
    const patch: Partial<GenerationJob> = {
      generationId: g.id,
      ...(typeof g.cost === 'number' ? { cost: g.cost } : {}),
      progress: g.status === 'running' && typeof g.progress === 'number' ? g.progress : undefined,
      queuePosition: g.status === 'queued' && typeof g.queue_position === 'number' ? g.queue_position : undefined,
    };
    if (g.status === 'queued' || g.status === 'running') patch.status = g.status;
    const changed = Object.entries(patch).some(([k, v]) => s.job[k as keyof GenerationJob] !== v);
    if (changed) update(s, patch);
  }

  /**
   * Follows the event stream until the generation ends (true) or the stream is unavailable or
   * breaks (false: the caller polls, which also settles anything missed).
   */
  async function followEvents(s: JobState, run: number): Promise<boolean> {
    if (!deps.openEventStream) return false;
    const body = await deps.openEventStream(`/v1/generations/${encodeURIComponent(s.job.generationId!)}/events`, s.abort.signal);
    if (!body) return false;
    try {
      for await (const event of readSse(body)) {
        if (run !== s.run) return true;
        if (event.event !== 'generation') continue;
        let json: unknown;
        try {
          json = JSON.parse(event.data);
        } catch {
          continue;
        }
        const parsed = generationSchema.safeParse(json);
        if (!parsed.success) continue;
        const g = parsed.data;
        apply(s, g);
        // Results are fetched with a plain GET so their delivery follows one path.
        if (g.status === 'succeeded' || g.status === 'failed' || g.status === 'canceled') return false;
      }
    } catch {
      // A broken stream (network, abort) falls back to polling.
    }
    return run !== s.run;
  }

  async function follow(s: JobState, run: number): Promise<void> {
    if (await followEvents(s, run)) return;
    let missed = 0;
    while (run === s.run) {
      const res = await deps.backend.request<unknown>('GET', `/v1/generations/${encodeURIComponent(s.job.generationId!)}`);
      if (run !== s.run) return;
      const parsed = res.ok ? generationSchema.safeParse(res.body) : undefined;
      if (!res.ok && res.error.status >= 400 && res.error.status < 500) return failJob(s, { code: res.error.code, message: res.error.message });
      if (!parsed?.success) {
        if (++missed >= maxMissed) return failJob(s, { code: 'lost_contact', message: 'Lost contact with the PromptPixels service. Retry to check on this generation; you will not be charged twice.' });
        await deps.sleep(pollMs * Math.min(missed, 4));
        continue;
      }
      missed = 0;
      const g = parsed.data;
      apply(s, g);
      if (g.status === 'succeeded') return saveResults(s, g);
      if (g.status === 'failed') return failJob(s, errorOf(g));
      if (g.status === 'canceled') return update(s, { status: 'canceled', progress: undefined, queuePosition: undefined });
      await deps.sleep(pollMs);
    }
  }

  async function submit(s: JobState, run: number): Promise<void> {
    const res = await deps.backend.request<unknown>('POST', '/v1/generations', {
      body: { tool: s.job.tool, input: s.job.input },
      headers: { 'idempotency-key': s.idempotencyKey },
      timeoutMs: 30_000,
    });
    if (run !== s.run) return;
    if (!res.ok) return failJob(s, { code: res.error.code, message: res.error.message });
    const parsed = generationSchema.safeParse(res.body);
    if (!parsed.success) return failJob(s, { code: 'bad_response', message: 'The service answered in a way this version cannot read.' });
    apply(s, parsed.data);
    if (s.cancelRequested) await cancelRemote(s);
    await follow(s, run);
  }

  /** Asks the backend to cancel; a generation that finished first keeps being followed (and saved). */
  async function cancelRemote(s: JobState): Promise<void> {
    const res = await deps.backend.request<unknown>('DELETE', `/v1/generations/${encodeURIComponent(s.job.generationId!)}`);
    const parsed = res.ok ? generationSchema.safeParse(res.body) : undefined;
    if (parsed?.success && parsed.data.status === 'canceled') {
      s.run++;
      s.abort.abort();
      update(s, { status: 'canceled', progress: undefined, queuePosition: undefined });
    }
  }

  /** Starts (or restarts) the background work for a job; errors end as a failed job, never a throw. */
  function launch(s: JobState, work: (s: JobState, run: number) => Promise<void>): void {
    s.abort.abort();
    s.abort = new AbortController();
    const run = ++s.run;
    work(s, run).catch(() => {
      if (run === s.run) failJob(s, { code: 'internal_error', message: 'Something went wrong while following this generation. Retry.' });
    });
  }

  return {
    async start(tool: string, input: GenerationInput): Promise<{ ok: true; job: GenerationJob } | { ok: false; code: string; message: string }> {
      if (!deps.backend.isSignedIn()) return { ok: false, code: 'not_signed_in', message: 'Sign in to generate images.' };
      const catalog = await deps.catalog.tools();
      if (!catalog.ok) return { ok: false, code: catalog.code, message: catalog.message };
      const found = catalog.tools.find((t) => t.id === tool);
      if (!found) return { ok: false, code: 'unknown_tool', message: 'That model is not available any more. Choose another one.' };
      const now = deps.now();
      const s: JobState = {
        job: { jobId: deps.newId(), tool, toolName: found.name, input, status: 'submitting', images: [], createdAt: now, updatedAt: now },
        idempotencyKey: deps.newId(),
        cancelRequested: false,
        run: 0,
        abort: new AbortController(),
      };
      jobs.set(s.job.jobId, s);
      deps.onJobChanged(snapshot(s));
      launch(s, submit);
      return { ok: true, job: snapshot(s) };
    },

    /**
     * Retry keeps money exact: a submit that never got an answer is resent with the same key
     * (the backend answers the same generation); a job that lost contact or failed to download
     * is followed again; only a generation the backend itself ended is a new action.
     */
    retry(jobId: string): GenerationJob | undefined {
      const s = jobs.get(jobId);
      if (!s || LIVE.has(s.job.status)) return s ? snapshot(s) : undefined;
      s.cancelRequested = false;
      const resumable = s.job.generationId !== undefined && s.job.error !== undefined && ['lost_contact', 'download_failed', 'internal_error', 'backend_unreachable'].includes(s.job.error.code);
      if (s.job.generationId === undefined) {
        update(s, { status: 'submitting', error: undefined });
        launch(s, submit);
      } else if (resumable) {
        update(s, { status: s.job.images.length ? 'downloading' : 'queued', error: undefined });
        launch(s, follow);
      } else {
        s.idempotencyKey = deps.newId();
        update(s, { status: 'submitting', error: undefined, generationId: undefined, cost: undefined, images: [] });
        launch(s, submit);
      }
      return snapshot(s);
    },

    async cancel(jobId: string): Promise<GenerationJob | undefined> {
      const s = jobs.get(jobId);
      if (!s) return undefined;
      if (!LIVE.has(s.job.status) || s.job.status === 'downloading') return snapshot(s);
      s.cancelRequested = true;
      if (s.job.generationId !== undefined) await cancelRemote(s);
      return snapshot(s);
    },

    dismiss(jobId: string): boolean {
      const s = jobs.get(jobId);
      if (!s || LIVE.has(s.job.status)) return false;
      s.run++;
      s.abort.abort();
      return jobs.delete(jobId);
    },

    list: (): GenerationJob[] => [...jobs.values()].map(snapshot).sort((a, b) => b.createdAt - a.createdAt),
    get: (jobId: string) => {
      const s = jobs.get(jobId);
      return s ? snapshot(s) : undefined;
    },
  };
}

export type GenerationService = ReturnType<typeof createGenerationService>;
