/**
 * Recognises the image formats the gallery accepts by their bytes, never by a name or a
 * header a server chose: PNG, JPEG and WebP only.
 */
export type GalleryImageType = 'image/png' | 'image/jpeg' | 'image/webp';

export const EXTENSION_FOR: Record<GalleryImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

export const TYPE_FOR_EXTENSION: Record<string, GalleryImageType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);

export function sniffImageType(bytes: Uint8Array): GalleryImageType | undefined {
  // PNG: signature then an IHDR chunk, so a truncated "header only" file is refused too.
  if (startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, [0x49, 0x48, 0x44, 0x52], 12)) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length > 4) return 'image/jpeg';
  // WebP: "RIFF" size "WEBP" then a VP8/VP8L/VP8X chunk.
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8) && startsWith(bytes, [0x56, 0x50, 0x38], 12)) {
    return 'image/webp';
  }
  return undefined;
}
