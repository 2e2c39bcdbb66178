import sharp from 'sharp';
import { escapeHtml } from '../http/html.ts';

/**
 * Real images for the fal stand-in: clearly labelled placeholders of the requested size, and
 * simple but honest versions of the image tools (resize for upscaling, a transparent PNG with
 * the background colour keyed out for background removal).
 */

const HUES = [262, 200, 160, 24, 330, 45];

export async function renderPlaceholder(opts: { width: number; height: number; prompt: string; index: number; flagged?: boolean }): Promise<Buffer> {
  const { width, height } = opts;
  if (opts.flagged) {
    // What fal's safety checker delivers for a flagged image: a black frame.
    return sharp({ create: { width, height, channels: 3, background: '#000' } }).png({ compressionLevel: 1 }).toBuffer();
  }
  const hue = HUES[opts.index % HUES.length]!;
  const words = opts.prompt.split(/\s+/).filter(Boolean).slice(0, 8).join(' ');
  const caption = words.length > 60 ? `${words.slice(0, 57)}…` : words;
  const size = Math.max(14, Math.round(Math.min(width, height) / 14));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="hsl(${hue},70%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},70%,38%)"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <rect x="${size}" y="${size}" width="${width - 2 * size}" height="${height - 2 * size}" fill="none" stroke="#fff" stroke-opacity=".5" stroke-width="${Math.max(2, size / 6)}" stroke-dasharray="${size / 2}"/>
  <text x="50%" y="44%" font-family="sans-serif" font-weight="700" font-size="${size}" fill="#fff" text-anchor="middle">SANDBOX placeholder</text>
  <text x="50%" y="56%" font-family="sans-serif" font-size="${Math.round(size * 0.6)}" fill="#fff" text-anchor="middle">${escapeHtml(caption)}</text>
  <text x="50%" y="66%" font-family="sans-serif" font-size="${Math.round(size * 0.45)}" fill="#fff" fill-opacity=".8" text-anchor="middle">${width}×${height} · image ${opts.index + 1} · not AI generated</text>
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}

const MAX_SIDE = 4096;

/** Upscaling stand-in: a real resize by `factor`, capped at 4096 px a side. */
export async function upscale(bytes: Buffer, factor: number): Promise<{ png: Buffer; width: number; height: number }> {
  const meta = await sharp(bytes).metadata();
  const scale = Math.min(factor, MAX_SIDE / Math.max(meta.width ?? 1, meta.height ?? 1));
  const width = Math.max(1, Math.round((meta.width ?? 1) * scale));
  const height = Math.max(1, Math.round((meta.height ?? 1) * scale));
  const png = await sharp(bytes).resize(width, height, { kernel: 'lanczos3' }).png().toBuffer();
  return { png, width, height };
}

/**
 * Background removal stand-in: the colour of the top-left pixel counts as background, and
 * every pixel close to it becomes transparent. Good enough for flat backdrops; it is labelled
 * as the sandbox and never presented as the real model.
 */
export async function removeBackground(bytes: Buffer, tolerance = 48): Promise<{ png: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r0, g0, b0] = [data[0]!, data[1]!, data[2]!];
  for (let i = 0; i < data.length; i += 4) {
    const d = Math.abs(data[i]! - r0) + Math.abs(data[i + 1]! - g0) + Math.abs(data[i + 2]! - b0);
    if (d <= tolerance) data[i + 3] = 0;
  }
  const png = await sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } }).png().toBuffer();
  return { png, width: info.width, height: info.height };
}

/** Creative upscale stand-in (clarity-upscaler): the real resize plus sharpening, as "added detail". */
export async function enhance(bytes: Buffer, factor: number, creativity: number): Promise<{ png: Buffer; width: number; height: number }> {
  const up = await upscale(bytes, factor);
  const png = await sharp(up.png).sharpen({ sigma: 0.5 + 2 * Math.max(0, Math.min(1, creativity)) }).png().toBuffer();
  return { png, width: up.width, height: up.height };
}

/**
 * Instruction-edit stand-in (FLUX Kontext): the input at the same size (fitted inside 1024 px
 * like Kontext's ~1 MP output), recoloured by a hue derived from the instruction, as JPEG.
 * A visible, deterministic change; it does not pretend to understand the words.
 */
export async function editWithWords(bytes: Buffer, instruction: string): Promise<{ jpeg: Buffer; width: number; height: number }> {
  let hue = 0;
  for (const ch of instruction) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  const { data, info } = await sharp(bytes)
    .flatten({ background: '#ffffff' })
    .resize(1024, 1024, { fit: 'inside', withoutEnlargement: true })
    .modulate({ hue: 60 + (hue % 240), saturation: 1.4 })
    .jpeg({ quality: 90 })
    .toBuffer({ resolveWithObject: true });
  return { jpeg: data, width: info.width, height: info.height };
}
