import sharp from 'sharp';

/**
 * A 24-megapixel photo-like JPEG made locally: a sky gradient, a sun and hills with film-like
 * noise, so it compresses and decodes like a real photo rather than a flat test card.
 */
export async function photoLikeJpeg(width = 6000, height = 4000): Promise<Buffer> {
  const scene = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1067" preserveAspectRatio="none">
    <defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b3a8c"/><stop offset="0.6" stop-color="#e0716b"/><stop offset="1" stop-color="#f7c873"/></linearGradient></defs>
    <rect width="1600" height="1067" fill="url(#s)"/><circle cx="1100" cy="620" r="200" fill="#ffe9b0" opacity="0.8"/>
    <path d="M0 760 C 300 640 520 700 760 760 S 1300 640 1600 720 L1600 1067 L0 1067Z" fill="#3b2f5c"/></svg>`;
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  return sharp(Buffer.from(scene), { limitInputPixels: false })
    .resize(width, height)
    .composite([{ input: noise, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}
