import { fail, ok } from '../../shared/result.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';
import type { ToolCatalog } from './catalog.ts';
import type { GenerationService } from './generation-service.ts';

export interface StudioHandlerDeps {
  catalog: ToolCatalog;
  generations: GenerationService;
  backend: AuthorizedBackend;
}

type StudioChannels = 'getToolCatalog' | 'quoteGeneration' | 'startGeneration' | 'retryGeneration' | 'cancelGeneration' | 'dismissGeneration' | 'listGenerations' | 'getStudioAccess';

const noSuchJob = () => fail('not_found', 'That generation is no longer listed.');

/** The studio's channels: catalog, quotes and the generation jobs main runs. */
export function createStudioHandlers(deps: StudioHandlerDeps): Pick<IpcHandlers, StudioChannels> {
  return {
    getToolCatalog: async (payload) => {
      const res = await deps.catalog.tools({ refresh: payload?.refresh === true });
      return res.ok ? ok(res.tools) : fail(res.code, res.message);
    },
    quoteGeneration: async ({ tool, input }) => {
      const res = await deps.catalog.quote(tool, input);
      return res.ok ? ok({ cost: res.cost }) : fail(res.code, res.message, res.details);
    },
    startGeneration: async ({ tool, input }) => {
      const res = await deps.generations.start(tool, input);
      return res.ok ? ok(res.job) : fail(res.code, res.message);
    },
    retryGeneration: async ({ jobId }) => {
      const job = deps.generations.retry(jobId);
      return job ? ok(job) : noSuchJob();
    },
    cancelGeneration: async ({ jobId }) => {
      const job = await deps.generations.cancel(jobId);
      return job ? ok(job) : noSuchJob();
    },
    dismissGeneration: ({ jobId }) => ({ dismissed: deps.generations.dismiss(jobId) }),
    listGenerations: () => deps.generations.list(),
    getStudioAccess: () => ({ signedIn: deps.backend.isSignedIn() }),
  };
}
