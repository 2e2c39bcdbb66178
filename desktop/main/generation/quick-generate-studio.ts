import { ASPECT_RATIOS, MAX_QUICK_COUNT } from '../../shared/choices.ts';
import type { Preferences } from '../../shared/preferences.ts';
import type { QuickGenerateEvent, QuickGenerateOptions, QuickGenerateRequest, QuickPreset } from '../../shared/quick-generate.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { CatalogTool, GenerationJob } from '../../shared/studio-types.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { QuickGenerateService } from '../quick-generate.ts';
import type { StudioServices } from './studio-services.ts';

type AspectRatio = (typeof ASPECT_RATIOS)[number];

/** The quick popup's safety words are the Preferences ones; the catalog says "standard". */
const SAFETY: Record<Preferences['safetyLevel'], string> = { strict: 'strict', balanced: 'standard', relaxed: 'relaxed' };

const enumOf = (tool: CatalogTool, key: string): string[] => (tool.params.properties?.[key]?.enum ?? []).map(String);
const labelsOf = (tool: CatalogTool, key: string): Record<string, string> =>
  (tool.params.properties?.[key]?.['x-labels'] as Record<string, string> | undefined) ?? {};

/**
 * Quick generate on the studio's pipeline: the default model from Preferences (else the first
 * model in the catalog), its style presets as chips, the backend's quote as the price, and the
 * studio's generation service, which saves results to the gallery before reporting success.
 */
export function createStudioQuickGenerate(deps: {
  studio: Pick<StudioServices, 'catalog' | 'generations' | 'gallery'>;
  backend: AuthorizedBackend;
  preferences: () => Preferences;
}): QuickGenerateService & { observe(job: GenerationJob): void } {
  const listeners = new Set<(e: QuickGenerateEvent) => void>();
  const mine = new Set<string>();

  async function model(): Promise<{ ok: true; tool: CatalogTool } | { ok: false; code: string; message: string }> {
    const catalog = await deps.studio.catalog.tools();
    if (!catalog.ok) return catalog;
    const models = catalog.tools.filter((t) => t.group === 'model' && t.kind === 'text-to-image');
    const preferred = models.find((t) => t.id === deps.preferences().defaultModel);
    const tool = preferred ?? models[0];
    return tool ? { ok: true, tool } : { ok: false, code: 'not_available', message: 'No image model is available right now.' };
  }

  function inputFor(tool: CatalogTool, request: QuickGenerateRequest): Record<string, unknown> {
    const input: Record<string, unknown> = { prompt: request.prompt, num_images: request.count };
    if (enumOf(tool, 'aspect_ratio').includes(request.aspectRatio)) input.aspect_ratio = request.aspectRatio;
    if (request.preset && enumOf(tool, 'style').includes(request.preset)) input.style = request.preset;
    const safety = SAFETY[deps.preferences().safetyLevel];
    if (enumOf(tool, 'safety').includes(safety)) input.safety = safety;
    return input;
  }

  const emit = (event: QuickGenerateEvent) => {
    for (const l of listeners) l(event);
  };

  return {
    async options(): Promise<IpcResult<QuickGenerateOptions>> {
      const found = await model();
      if (!found.ok) return fail(found.code, found.message);
      const { tool } = found;
      const labels = labelsOf(tool, 'style');
      const presets: QuickPreset[] = enumOf(tool, 'style')
        .filter((id) => id !== 'none')
        .map((id) => ({ id, label: labels[id] ?? id }));
      const aspectRatios = ASPECT_RATIOS.filter((r) => enumOf(tool, 'aspect_ratio').includes(r));
      const maxCount = Math.min(MAX_QUICK_COUNT, Number(tool.params.properties?.num_images?.maximum ?? 1));
      const prefs = deps.preferences();
      const defaults = {
        preset: prefs.style && presets.some((p) => p.id === prefs.style) ? prefs.style : null,
        aspectRatio: (aspectRatios as readonly string[]).includes(prefs.aspectRatio) ? prefs.aspectRatio : (aspectRatios[0] ?? '1:1'),
        count: 1,
      };
      if (!deps.backend.isSignedIn()) return ok({ readiness: { state: 'signed-out' }, presets, aspectRatios, maxCount, defaults });
      const credits = await deps.backend.request<{ available: number }>('GET', '/v1/credits');
      if (!credits.ok) {
        if (credits.error.code === 'not_signed_in' || credits.error.status === 401) return ok({ readiness: { state: 'signed-out' }, presets, aspectRatios, maxCount, defaults });
        return fail(credits.error.code, credits.error.message);
      }
      const cheapest = await deps.studio.catalog.quote(tool.id, inputFor(tool, { prompt: 'x', preset: null, aspectRatio: defaults.aspectRatio as AspectRatio, count: 1 }));
      const available = credits.body.available;
      const readiness = cheapest.ok && available < cheapest.cost ? { state: 'out-of-credits' as const, balance: available } : { state: 'ready' as const, balance: available };
      return ok({ readiness, presets, aspectRatios, maxCount, defaults });
    },

    async price(request) {
      const found = await model();
      if (!found.ok) return fail(found.code, found.message);
      // Prices never depend on the prompt's words, and the popup asks before anything is typed;
      // the backend's quote still wants a valid prompt.
      const quote = await deps.studio.catalog.quote(found.tool.id, inputFor(found.tool, { ...request, prompt: request.prompt.trim() || 'price' }));
      return quote.ok ? ok({ credits: quote.cost }) : fail(quote.code, quote.message);
    },

    async start(request) {
      const found = await model();
      if (!found.ok) return fail(found.code, found.message);
      const started = await deps.studio.generations.start(found.tool.id, inputFor(found.tool, request));
      if (!started.ok) return fail(started.code, started.message);
      mine.add(started.job.jobId);
      return ok({ id: started.job.jobId });
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Fed every studio job change; only the popup's own jobs become popup events. */
    observe(job) {
      if (!mine.has(job.jobId)) return;
      if (job.status === 'succeeded') {
        mine.delete(job.jobId);
        void Promise.all(job.images.map((img) => deps.studio.gallery.pathOf(img.id))).then((paths) =>
          emit({
            id: job.jobId,
            state: 'succeeded',
            images: job.images.flatMap((img, i) => (paths[i] ? [{ path: paths[i]!, width: img.meta?.width ?? 0, height: img.meta?.height ?? 0 }] : [])),
          }),
        );
      } else if (job.status === 'failed' || job.status === 'canceled') {
        mine.delete(job.jobId);
        emit({ id: job.jobId, state: 'failed', code: job.error?.code ?? job.status, message: job.error?.message ?? 'The generation was canceled.' });
      } else {
        emit({ id: job.jobId, state: 'running', progress: job.progress });
      }
    },
  };
}
