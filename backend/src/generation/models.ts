import { z } from 'zod';
import { ASPECT_RATIOS, IMAGE_SIZE_FOR_RATIO, IMAGEN_SIZES, ULTRA_SIZES, imageSizeForRatio, type AspectRatio, type Size } from './aspect-ratios.ts';
import { creditsPerImage, FAL_LIST_PRICES, type PricedEndpoint } from './prices.ts';
import { STYLE_PRESET_IDS, STYLE_PRESETS, withStyleSuffix, type StylePreset } from './styles.ts';
import type { ToolPlan } from './tool.ts';

export const SAFETY_LEVELS = ['strict', 'standard', 'relaxed'] as const;
export type SafetyLevel = (typeof SAFETY_LEVELS)[number];

/** Recraft V3's own styles (vector ones are billed at twice the price). */
export const RECRAFT_STYLES = [
  'any', 'realistic_image', 'digital_illustration', 'vector_illustration',
  'realistic_image/b_and_w', 'realistic_image/hard_flash', 'realistic_image/hdr', 'realistic_image/natural_light',
  'realistic_image/studio_portrait', 'realistic_image/enterprise', 'realistic_image/motion_blur',
  'digital_illustration/pixel_art', 'digital_illustration/hand_drawn', 'digital_illustration/grain',
  'digital_illustration/infantile_sketch', 'digital_illustration/2d_art_poster', 'digital_illustration/handmade_3d',
  'digital_illustration/hand_drawn_outline', 'digital_illustration/engraving_color', 'digital_illustration/2d_art_poster_2',
  'digital_illustration/3d', 'digital_illustration/80s', 'digital_illustration/glow', 'digital_illustration/kawaii',
  'digital_illustration/psychedelic', 'digital_illustration/voxel', 'digital_illustration/watercolor',
  'vector_illustration/engraving', 'vector_illustration/line_art', 'vector_illustration/line_circuit',
  'vector_illustration/linocut', 'vector_illustration/cartoon', 'vector_illustration/doodle_line_art',
  'vector_illustration/flat_2', 'vector_illustration/kawaii',
] as const;
export type RecraftStyle = (typeof RECRAFT_STYLES)[number];

/** A text-to-image request after validation, in the studio's own words (not fal's). */
export interface TextToImageRequest {
  prompt: string;
  negative_prompt?: string | undefined;
  aspect_ratio: AspectRatio;
  num_images: number;
  seed?: number | undefined;
  safety: SafetyLevel;
  style: StylePreset;
  model_style?: RecraftStyle | undefined;
}

interface ModelSpec {
  name: string;
  description: string;
  endpoint: PricedEndpoint;
  aspectRatios: readonly AspectRatio[];
  defaultAspectRatio: AspectRatio;
  safetyLevels: readonly SafetyLevel[];
  negativePrompt: boolean;
  maxImages: number;
  nativeStyles: boolean;
  size(req: TextToImageRequest): Size;
  priceMultiplier(req: TextToImageRequest): number;
  /** The fal request body; the only place that knows the model's parameter names. */
  falInput(req: TextToImageRequest): Record<string, unknown>;
  /** Whether the model's checker blacks out flagged images (so they are dropped and not charged). */
  checkerOn(req: TextToImageRequest): boolean;
}

const seedOf = (req: TextToImageRequest) => (req.seed === undefined ? {} : { seed: req.seed });
const checkerFor = (level: SafetyLevel) => level !== 'relaxed';
const recraftStyleOf = (req: TextToImageRequest): string => req.model_style ?? STYLE_PRESETS[req.style].recraft ?? 'any';

const fluxFamily = (endpoint: 'fal-ai/flux/schnell' | 'fal-ai/flux/dev', name: string, description: string): ModelSpec => ({
  name,
  description,
  endpoint,
  aspectRatios: ASPECT_RATIOS,
  defaultAspectRatio: '1:1',
  safetyLevels: SAFETY_LEVELS,
  negativePrompt: false,
  maxImages: 4,
  nativeStyles: false,
  size: (req) => imageSizeForRatio(req.aspect_ratio),
  priceMultiplier: () => 1,
  falInput: (req) => ({
    prompt: withStyleSuffix(req.prompt, req.style),
    image_size: IMAGE_SIZE_FOR_RATIO[req.aspect_ratio],
    num_images: req.num_images,
    enable_safety_checker: checkerFor(req.safety),
    ...seedOf(req),
  }),
  checkerOn: (req) => checkerFor(req.safety),
});

/** Models available for text to image; each becomes a catalog tool `text-to-image/<id>`. */
export const TEXT_TO_IMAGE_MODELS = {
  'flux-schnell': fluxFamily('fal-ai/flux/schnell', 'FLUX.1 [schnell]', 'Fastest and cheapest: drafts and ideas in about a second.'),
  'flux-dev': fluxFamily('fal-ai/flux/dev', 'FLUX.1 [dev]', 'Balanced quality and price; good prompt following.'),
  'flux-pro-ultra': {
    name: 'FLUX1.1 [pro] ultra',
    description: 'Highest quality, about 4 megapixels, photorealistic detail.',
    endpoint: 'fal-ai/flux-pro/v1.1-ultra',
    aspectRatios: ASPECT_RATIOS,
    defaultAspectRatio: '1:1',
    safetyLevels: SAFETY_LEVELS,
    negativePrompt: false,
    maxImages: 4,
    nativeStyles: false,
    size: (req) => ULTRA_SIZES[req.aspect_ratio],
    priceMultiplier: () => 1,
    // The pro family's tolerance runs from "1" (strictest) to "6"; fal's default is "2".
    falInput: (req) => ({
      prompt: withStyleSuffix(req.prompt, req.style),
      aspect_ratio: req.aspect_ratio,
      num_images: req.num_images,
      safety_tolerance: ({ strict: '1', standard: '2', relaxed: '5' } as const)[req.safety],
      ...seedOf(req),
    }),
    checkerOn: () => true,
  },
  imagen4: {
    name: 'Imagen 4',
    description: "Google's Imagen 4: crisp detail and good text rendering.",
    endpoint: 'fal-ai/imagen4/preview',
    aspectRatios: ['1:1', '4:3', '3:4', '16:9', '9:16'],
    defaultAspectRatio: '1:1',
    safetyLevels: SAFETY_LEVELS,
    negativePrompt: false,
    maxImages: 4,
    nativeStyles: false,
    size: (req) => IMAGEN_SIZES[req.aspect_ratio as keyof typeof IMAGEN_SIZES],
    priceMultiplier: () => 1,
    falInput: (req) => ({
      prompt: withStyleSuffix(req.prompt, req.style),
      aspect_ratio: req.aspect_ratio,
      num_images: req.num_images,
      safety_tolerance: ({ strict: '1', standard: '4', relaxed: '6' } as const)[req.safety],
      ...seedOf(req),
    }),
    checkerOn: () => false,
  },
  'ideogram-v3': {
    name: 'Ideogram 3.0',
    description: 'Best for text in images and graphic design; takes a negative prompt.',
    endpoint: 'fal-ai/ideogram/v3',
    aspectRatios: ASPECT_RATIOS,
    defaultAspectRatio: '1:1',
    // Ideogram always applies its own moderation and has no setting for it.
    safetyLevels: ['standard'],
    negativePrompt: true,
    maxImages: 4,
    nativeStyles: true,
    size: (req) => imageSizeForRatio(req.aspect_ratio),
    priceMultiplier: () => 1,
    falInput: (req) => ({
      prompt: req.prompt,
      ...(req.negative_prompt ? { negative_prompt: req.negative_prompt } : {}),
      image_size: IMAGE_SIZE_FOR_RATIO[req.aspect_ratio],
      num_images: req.num_images,
      rendering_speed: 'BALANCED',
      ...(STYLE_PRESETS[req.style].ideogram ?? {}),
      ...seedOf(req),
    }),
    checkerOn: () => false,
  },
  'recraft-v3': {
    name: 'Recraft V3',
    description: 'Design-grade images and vector art, with many built-in styles. One image per request.',
    endpoint: 'fal-ai/recraft/v3/text-to-image',
    aspectRatios: ASPECT_RATIOS,
    defaultAspectRatio: '1:1',
    safetyLevels: SAFETY_LEVELS,
    negativePrompt: false,
    // Recraft's endpoint has no num_images: it always makes one image.
    maxImages: 1,
    nativeStyles: true,
    size: (req) => imageSizeForRatio(req.aspect_ratio),
    priceMultiplier: (req) => (recraftStyleOf(req).startsWith('vector_illustration') ? 2 : 1),
    falInput: (req) => ({
      prompt: req.prompt,
      image_size: IMAGE_SIZE_FOR_RATIO[req.aspect_ratio],
      style: recraftStyleOf(req),
      enable_safety_checker: checkerFor(req.safety),
    }),
    checkerOn: (req) => checkerFor(req.safety),
  },
} as const satisfies Record<string, ModelSpec>;

export type TextToImageModelId = keyof typeof TEXT_TO_IMAGE_MODELS;
export const TEXT_TO_IMAGE_MODEL_IDS = Object.keys(TEXT_TO_IMAGE_MODELS) as [TextToImageModelId, ...TextToImageModelId[]];

export function modelSpec(id: TextToImageModelId): ModelSpec {
  return TEXT_TO_IMAGE_MODELS[id];
}

const labelled = <T extends readonly [string, ...string[]]>(values: T, labels: Record<string, string>) =>
  z.enum(values).meta({ 'x-labels': Object.fromEntries(values.map((v) => [v, labels[v] ?? v])) });

/** The shared knobs of every text-to-image form, limited to what `model` supports. */
export function commonImageParams(id: TextToImageModelId) {
  const spec = modelSpec(id);
  const aspects = spec.aspectRatios as unknown as [AspectRatio, ...AspectRatio[]];
  const safety = spec.safetyLevels as unknown as [SafetyLevel, ...SafetyLevel[]];
  return {
    aspect_ratio: z.enum(aspects).default(spec.defaultAspectRatio).meta({ title: 'Aspect ratio' }),
    num_images: z.number().int().min(1).max(spec.maxImages).default(1).meta({ title: 'Number of images' }),
    seed: z.number().int().min(0).max(4_294_967_295).optional().meta({ title: 'Seed', description: 'Same seed and settings give the same image. Leave empty for a random one.' }),
    safety: labelled(safety, { strict: 'Strict', standard: 'Standard', relaxed: 'Relaxed' })
      .default(safety.includes('standard') ? 'standard' : safety[0])
      .meta({ title: 'Safety level' }),
  };
}

/** The validated common knobs (the aspect ratio and safety level a given model accepts). */
export type CommonImageInput = z.output<z.ZodObject<ReturnType<typeof commonImageParams>>> & Record<string, unknown>;

export const promptField = z.string().trim().min(1, 'write a prompt').max(2000).meta({ title: 'Prompt' });
export const styleField = labelled(STYLE_PRESET_IDS, Object.fromEntries(Object.entries(STYLE_PRESETS).map(([k, v]) => [k, v.label])))
  .default('none')
  .meta({ title: 'Style' });

/** Prices and maps a validated request for `id` to its fal call. */
export function planTextToImage(id: TextToImageModelId, req: TextToImageRequest): ToolPlan {
  const spec = modelSpec(id);
  const size = spec.size(req);
  return {
    endpoint: spec.endpoint,
    falInput: spec.falInput(req),
    unitCost: creditsPerImage(spec.endpoint, size.width * size.height, spec.priceMultiplier(req)),
    units: req.num_images,
    output: 'images',
    dropFlaggedImages: spec.checkerOn(req),
  };
}

/** Credits per image at each aspect ratio, for the catalog's display. */
export function modelPricing(id: TextToImageModelId, opts: { nativeStyles?: boolean } = {}) {
  const spec = modelSpec(id);
  const perRatio: Record<string, number> = {};
  for (const ratio of spec.aspectRatios) {
    const size = spec.size({ prompt: '', aspect_ratio: ratio, num_images: 1, safety: 'standard', style: 'none' });
    perRatio[ratio] = creditsPerImage(spec.endpoint, size.width * size.height);
  }
  const unit = FAL_LIST_PRICES[spec.endpoint].per;
  const values = Object.values(perRatio);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const range = min === max ? `${min}` : `${min}–${max}`;
  return {
    summary: `${range} credits per image${unit === 'megapixel' ? ' (by size)' : ''}${id === 'recraft-v3' && opts.nativeStyles !== false ? '; vector styles cost double' : ''}`,
    credits_per_image: perRatio,
  };
}
