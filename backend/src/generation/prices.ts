/**
 * The one server-side price table. fal bills in US dollars (list prices in notes/fal.md,
 * checked 2026-11; they may change — update them here and nowhere else). Users pay in whole
 * credits: list price × MARGIN, divided by what one credit is worth, rounded up per unit.
 */

/** What one credit is worth when sold (the sample packs sell 100 credits for about $1). */
export const CREDIT_VALUE_MICRO_USD = 10_000;
/** Covers fal's cost, payment fees, failed-but-billed provider runs and the product itself. */
export const MARGIN_PERCENT = 200;

export type FalBillingUnit = 'image' | 'megapixel';

/** fal's list price per unit, in millionths of a US dollar (integers, so no float drift). */
export const FAL_LIST_PRICES = {
  'fal-ai/flux/schnell': { microUsd: 3_000, per: 'megapixel' },
  'fal-ai/flux/dev': { microUsd: 25_000, per: 'megapixel' },
  'fal-ai/flux-pro/v1.1-ultra': { microUsd: 60_000, per: 'image' },
  'fal-ai/imagen4/preview': { microUsd: 50_000, per: 'image' },
  'fal-ai/ideogram/v3': { microUsd: 60_000, per: 'image' },
  // Recraft bills vector styles at twice the raster price.
  'fal-ai/recraft/v3/text-to-image': { microUsd: 40_000, per: 'image' },
  // Image tools (issue 6). fal bills the upscalers by GPU time, which grows with the pixels
  // produced: priced here per started output megapixel so big images can never cost us more
  // than they earn. clarity-upscaler and kontext are list prices; the others are estimates.
  'fal-ai/esrgan': { microUsd: 2_500, per: 'megapixel' },
  'fal-ai/clarity-upscaler': { microUsd: 30_000, per: 'megapixel' },
  'fal-ai/codeformer': { microUsd: 2_500, per: 'megapixel' },
  'fal-ai/birefnet/v2': { microUsd: 5_000, per: 'image' },
  'fal-ai/flux-pro/kontext': { microUsd: 40_000, per: 'image' },
  // Characters (issue 7): LoRA generation per megapixel; one training run counts as one "image".
  'fal-ai/flux-lora': { microUsd: 35_000, per: 'megapixel' },
  'fal-ai/flux-lora-fast-training': { microUsd: 2_000_000, per: 'image' },
} as const satisfies Record<string, { microUsd: number; per: FalBillingUnit }>;

export type PricedEndpoint = keyof typeof FAL_LIST_PRICES;

const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

/**
 * Credits for one output unit (one image) of `endpoint`. Per-megapixel prices count whole
 * megapixels, rounded up, as fal bills them. Never less than one credit.
 */
export function creditsPerImage(endpoint: PricedEndpoint, pixels: number, multiplier = 1): number {
  const price = FAL_LIST_PRICES[endpoint];
  const units = price.per === 'megapixel' ? Math.max(1, ceilDiv(pixels, 1_000_000)) : 1;
  const microUsd = price.microUsd * units * multiplier;
  return Math.max(1, ceilDiv(microUsd * MARGIN_PERCENT, 100 * CREDIT_VALUE_MICRO_USD));
}
