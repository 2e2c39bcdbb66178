import type { QuickGenerateEvent, QuickGenerateOptions, QuickGenerateRequest } from '../shared/quick-generate.ts';
import { fail, type IpcResult } from '../shared/result.ts';

/**
 * What the quick-generate popup needs from generation (catalog, prices, the generate call,
 * saving results to the gallery). The real implementation belongs to the generation feature
 * and is plugged in at the composition root; this file only states the contract.
 */
export interface QuickGenerateService {
  /** Chips' choices, the user's defaults and whether generating is possible right now. */
  options(): Promise<IpcResult<QuickGenerateOptions>>;
  /** The exact credits this request would hold (the backend's quote, never a guess). */
  price(request: QuickGenerateRequest): Promise<IpcResult<{ credits: number }>>;
  /**
   * Starts a generation. Results are saved to the gallery by the implementation before the
   * `succeeded` event, whose image paths are gallery files.
   */
  start(request: QuickGenerateRequest): Promise<IpcResult<{ id: string }>>;
  onEvent(listener: (event: QuickGenerateEvent) => void): () => void;
}

/**
 * Until generation is in this build, the popup says so plainly instead of pretending: every
 * call answers `not_available` and no events are ever sent.
 */
export const quickGenerateNotAvailable: QuickGenerateService = {
  options: async () => fail('not_available', 'Generating images is not available in this build yet.'),
  price: async () => fail('not_available', 'Generating images is not available in this build yet.'),
  start: async () => fail('not_available', 'Generating images is not available in this build yet.'),
  onEvent: () => () => undefined,
};
