/**
 * The aspect ratios the studio offers, and how each fal model family spells them. Sizes are
 * what fal renders for each setting (used for per-megapixel prices and by the fal stand-in to
 * draw placeholders of the right size).
 */
export const ASPECT_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '21:9'] as const;
export type AspectRatio = (typeof ASPECT_RATIOS)[number];

export interface Size {
  width: number;
  height: number;
}

/** fal's `image_size` presets (FLUX dev/schnell, Ideogram, Recraft) and their pixel sizes. */
export const IMAGE_SIZE_PRESETS = {
  square_hd: { width: 1024, height: 1024 },
  square: { width: 512, height: 512 },
  portrait_4_3: { width: 768, height: 1024 },
  portrait_16_9: { width: 576, height: 1024 },
  landscape_4_3: { width: 1024, height: 768 },
  landscape_16_9: { width: 1024, height: 576 },
} as const satisfies Record<string, Size>;
export type ImageSizePreset = keyof typeof IMAGE_SIZE_PRESETS;

/** `image_size` for each ratio; 21:9 has no preset, so it is sent as explicit pixels. */
export const IMAGE_SIZE_FOR_RATIO = {
  '1:1': 'square_hd',
  '4:3': 'landscape_4_3',
  '3:4': 'portrait_4_3',
  '16:9': 'landscape_16_9',
  '9:16': 'portrait_16_9',
  '21:9': { width: 1344, height: 576 },
} as const satisfies Record<AspectRatio, ImageSizePreset | Size>;

/** FLUX1.1 [pro] ultra renders about 4 megapixels at its `aspect_ratio`. */
export const ULTRA_SIZES = {
  '1:1': { width: 2048, height: 2048 },
  '4:3': { width: 2368, height: 1792 },
  '3:4': { width: 1792, height: 2368 },
  '16:9': { width: 2752, height: 1536 },
  '9:16': { width: 1536, height: 2752 },
  '21:9': { width: 3136, height: 1344 },
} as const satisfies Record<AspectRatio, Size>;

/** Imagen 4 (1K) has no 21:9. */
export const IMAGEN_SIZES = {
  '1:1': { width: 1024, height: 1024 },
  '4:3': { width: 1184, height: 896 },
  '3:4': { width: 896, height: 1184 },
  '16:9': { width: 1408, height: 768 },
  '9:16': { width: 768, height: 1408 },
} as const satisfies Partial<Record<AspectRatio, Size>>;

export function imageSizeForRatio(ratio: AspectRatio): Size {
  const v = IMAGE_SIZE_FOR_RATIO[ratio];
  return typeof v === 'string' ? IMAGE_SIZE_PRESETS[v] : v;
}

/** The pixel size fal renders for a request body, whichever way the model spells it. */
export function sizeOfFalInput(endpoint: string, input: Record<string, unknown>): Size {
  const ratio = typeof input.aspect_ratio === 'string' ? input.aspect_ratio : undefined;
  if (endpoint.startsWith('fal-ai/flux-pro/v1.1-ultra')) return ULTRA_SIZES[(ratio ?? '16:9') as AspectRatio] ?? ULTRA_SIZES['16:9'];
  if (endpoint.startsWith('fal-ai/imagen4')) return IMAGEN_SIZES[(ratio ?? '1:1') as keyof typeof IMAGEN_SIZES] ?? IMAGEN_SIZES['1:1'];
  const size = input.image_size;
  if (typeof size === 'string' && size in IMAGE_SIZE_PRESETS) return IMAGE_SIZE_PRESETS[size as ImageSizePreset];
  if (size && typeof size === 'object') {
    const { width, height } = size as Partial<Size>;
    if (Number.isInteger(width) && Number.isInteger(height)) return { width: width!, height: height! };
  }
  return endpoint.startsWith('fal-ai/flux/') ? IMAGE_SIZE_PRESETS.landscape_4_3 : IMAGE_SIZE_PRESETS.square_hd;
}
