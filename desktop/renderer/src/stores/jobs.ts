import { create } from 'zustand';
import type { GenerationInput, GenerationJob } from '../../../shared/studio-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { mainApi } from '../common/pp.ts';

/**
 * The generations main is running, mirrored from its pushed `generationChanged` events. Main
 * owns the jobs (and their idempotency keys); this store only shows them and asks for actions.
 */
interface JobsState {
  jobs: Record<string, GenerationJob>;
  /** The last refusal to start (not signed in, no credits, offline), shown beside the button. */
  startError: IpcError | undefined;
  generate: (tool: string, input: GenerationInput) => Promise<GenerationJob | undefined>;
  cancel: (jobId: string) => Promise<void>;
  retry: (jobId: string) => Promise<void>;
  dismiss: (jobId: string) => Promise<void>;
  clearStartError: () => void;
}

export const useJobs = create<JobsState>((set, get) => {
  const put = (job: GenerationJob) => {
    const known = get().jobs[job.jobId];
    // Events can overtake a request's answer: keep the newest.
    if (known && known.updatedAt > job.updatedAt) return;
    set({ jobs: { ...get().jobs, [job.jobId]: job } });
  };
  return {
    jobs: {},
    startError: undefined,
    async generate(tool, input) {
      const res = await mainApi().studio.generate(tool, input);
      if (!res.ok) {
        set({ startError: res.error });
        return undefined;
      }
      set({ startError: undefined });
      put(res.value);
      return res.value;
    },
    async cancel(jobId) {
      const res = await mainApi().studio.cancel(jobId);
      if (res.ok) put(res.value);
    },
    async retry(jobId) {
      const res = await mainApi().studio.retry(jobId);
      if (res.ok) put(res.value);
    },
    async dismiss(jobId) {
      const res = await mainApi().studio.dismiss(jobId);
      if (res.ok && res.value.dismissed) {
        const jobs = { ...get().jobs };
        delete jobs[jobId];
        set({ jobs });
      }
    },
    clearStartError: () => set({ startError: undefined }),
  };
});

export const jobsNewestFirst = (jobs: Record<string, GenerationJob>) => Object.values(jobs).sort((a, b) => b.createdAt - a.createdAt);
export const isLive = (job: GenerationJob) => job.status === 'submitting' || job.status === 'queued' || job.status === 'running' || job.status === 'downloading';

/** Loads the jobs main already runs (after a reload), then follows its events. */
export function followJobs(): () => void {
  const api = mainApi().studio;
  const unsubscribe = api.onJobChanged((job) => {
    const known = useJobs.getState().jobs[job.jobId];
    if (known && known.updatedAt > job.updatedAt) return;
    useJobs.setState({ jobs: { ...useJobs.getState().jobs, [job.jobId]: job } });
  });
  void api.listJobs().then((res) => {
    if (!res.ok) return;
    const jobs = { ...useJobs.getState().jobs };
    for (const job of res.value) if (!jobs[job.jobId] || jobs[job.jobId]!.updatedAt < job.updatedAt) jobs[job.jobId] = job;
    useJobs.setState({ jobs });
  });
  return unsubscribe;
}
