import sharp, { type Metadata } from 'sharp';
import { ApiError } from '../http/errors.ts';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const MAX_UPLOAD_PIXELS = 40_000_000;

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The real type, from the first bytes — never from the Content-Type header or a file name. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47 && bytes[4] === 0x0d && bytes[5] === 0x0a && bytes[6] === 0x1a && bytes[7] === 0x0a) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return undefined;
}

export interface CheckedImage {
  bytes: Buffer;
  contentType: ImageType;
  width: number;
  height: number;
}

/**
 * Makes an uploaded image safe to forward: checks the real type, the byte size, and the pixel
 * count from the header BEFORE decoding (decompression bombs), then decodes fully (truncated
 * files fail), applies the EXIF orientation, and re-encodes without any metadata (no GPS).
 */
export async function checkUploadedImage(bytes: Buffer, opts: { maxBytes?: number; maxPixels?: number } = {}): Promise<CheckedImage> {
  const maxBytes = opts.maxBytes ?? MAX_UPLOAD_BYTES;
  const maxPixels = opts.maxPixels ?? MAX_UPLOAD_PIXELS;
  if (bytes.length > maxBytes) throw new ApiError(413, 'payload_too_large', `Images can be at most ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  const type = sniffImageType(bytes);
  if (!type) throw new ApiError(415, 'unsupported_media_type', 'That file is not a PNG, JPEG or WebP image.');

  let header: Metadata;
  try {
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ApiError(400, 'invalid_image', 'The image could not be read. It may be damaged.');
  }
  const width = header.width ?? 0;
  const height = header.height ?? 0;
  if (width <= 0 || height <= 0) throw new ApiError(400, 'invalid_image', 'The image has no size.');
  if (width * height > maxPixels) {
    throw new ApiError(413, 'image_too_large', `Images can have at most ${Math.round(maxPixels / 1e6)} megapixels; this one has ${(width * height / 1e6).toFixed(1)}.`, {
      width,
      height,
    });
  }

  try {
    const pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' }).rotate();
    const encoded =
      type === 'image/png' ? pipeline.png() : type === 'image/webp' ? pipeline.webp({ quality: 95 }) : pipeline.jpeg({ quality: 95, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: type, width: info.width, height: info.height };
  } catch {
    throw new ApiError(400, 'invalid_image', 'The image could not be decoded. It may be truncated or damaged.');
  }
}
