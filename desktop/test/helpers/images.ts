import sharp from 'sharp';

/** A real encoded image of the given format (what a provider would return). */
export function makeImage(format: 'png' | 'jpeg' | 'webp' = 'png', size = 8): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: 90, g: 60, b: 200 } } })
    .toFormat(format)
    .toBuffer();
}
