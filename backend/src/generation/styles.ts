/**
 * Style presets offered on every text-to-image model. Models with native styles (Recraft,
 * Ideogram) get their own style parameter; the others get a prompt suffix.
 */
export const STYLE_PRESETS = {
  none: { label: 'No style', suffix: '', recraft: undefined, ideogram: undefined },
  photographic: {
    label: 'Photographic',
    suffix: 'professional photograph, natural light, sharp focus, high detail',
    recraft: 'realistic_image',
    ideogram: { style: 'REALISTIC' },
  },
  cinematic: {
    label: 'Cinematic',
    suffix: 'cinematic film still, dramatic lighting, shallow depth of field, film grain',
    recraft: 'realistic_image/hdr',
    ideogram: { style_preset: 'DRAMATIC_CINEMA' },
  },
  anime: {
    label: 'Anime',
    suffix: 'anime style, clean cel shading, vibrant colors, detailed background',
    recraft: 'digital_illustration',
    ideogram: { style: 'GENERAL' },
  },
  'digital-art': {
    label: 'Digital art',
    suffix: 'digital painting, concept art, rich colors, highly detailed',
    recraft: 'digital_illustration',
    ideogram: { style: 'DESIGN' },
  },
  watercolor: {
    label: 'Watercolor',
    suffix: 'watercolor painting, soft washes, paper texture',
    recraft: 'digital_illustration/watercolor',
    ideogram: { style_preset: 'WATERCOLOR' },
  },
  'oil-painting': {
    label: 'Oil painting',
    suffix: 'oil painting on canvas, visible brush strokes, classical composition',
    recraft: 'digital_illustration',
    ideogram: { style_preset: 'OIL_PAINTING' },
  },
  '3d-render': {
    label: '3D render',
    suffix: '3D render, soft global illumination, octane render, smooth materials',
    recraft: 'digital_illustration/3d',
    ideogram: { style_preset: 'C4D_CARTOON' },
  },
  'pixel-art': {
    label: 'Pixel art',
    suffix: 'pixel art, 16-bit, crisp pixels, limited palette',
    recraft: 'digital_illustration/pixel_art',
    ideogram: { style: 'DESIGN' },
  },
  'line-art': {
    label: 'Line art',
    suffix: 'clean black line art, white background, no shading',
    recraft: 'vector_illustration/line_art',
    ideogram: { style: 'DESIGN' },
  },
  'flat-vector': {
    label: 'Flat vector',
    suffix: 'flat vector illustration, simple shapes, solid colors',
    recraft: 'vector_illustration/flat_2',
    ideogram: { style_preset: 'FLAT_VECTOR' },
  },
  'vintage-poster': {
    label: 'Vintage poster',
    suffix: 'vintage travel poster, screen print texture, bold typography space',
    recraft: 'digital_illustration/2d_art_poster',
    ideogram: { style_preset: 'VINTAGE_POSTER' },
  },
} as const satisfies Record<
  string,
  { label: string; suffix: string; recraft: string | undefined; ideogram: { style: string } | { style_preset: string } | undefined }
>;

export type StylePreset = keyof typeof STYLE_PRESETS;
export const STYLE_PRESET_IDS = Object.keys(STYLE_PRESETS) as [StylePreset, ...StylePreset[]];

export function withStyleSuffix(prompt: string, style: StylePreset): string {
  const suffix = STYLE_PRESETS[style].suffix;
  return suffix ? `${prompt}, ${suffix}` : prompt;
}
