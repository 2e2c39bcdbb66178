import type { QuickGenerateService } from '../../desktop/main/quick-generate.ts';
import type { QuickReadiness } from '../../desktop/shared/quick-generate.ts';
import { ok } from '../../desktop/shared/result.ts';

/**
 * A scripted QuickGenerateService for screenshots of the popup's states. Generation is a
 * separate feature; these scenes show what the popup does with each answer, labelled as such.
 */
export function screenshotQuickService(readiness: QuickReadiness): QuickGenerateService {
  return {
    options: async () =>
      ok({
        readiness,
        presets: [
          { id: 'cinematic', label: 'Cinematic' },
          { id: 'watercolor', label: 'Watercolor' },
          { id: 'anime', label: 'Anime' },
          { id: 'product', label: 'Product shot' },
          { id: 'nail-art', label: 'Nail art' },
        ],
        aspectRatios: ['1:1', '4:3', '3:4', '16:9', '9:16'],
        maxCount: 4,
        defaults: { preset: 'cinematic', aspectRatio: '16:9', count: 2 },
      }),
    price: async (r) => ok({ credits: 4 * r.count }),
    start: async () => ok({ id: 'screenshot' }),
    onEvent: () => () => undefined,
  };
}
