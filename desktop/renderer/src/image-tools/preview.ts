/**
 * Previews of the user's image that never freeze the window: the size comes from the file's
 * header (no decode), and the picture is decoded off the main thread by createImageBitmap,
 * straight to a screen-sized bitmap, so a 40-megapixel photo costs a 1600 px preview.
 */
import { fitInside } from './image-size.ts';

export { fitInside, imageSizeFromHeader, PREVIEW_MAX_SIDE } from './image-size.ts';

/**
 * A downscaled preview as an object URL (revoke it when done). EXIF orientation is applied
 * by createImageBitmap, as the backend applies it.
 */
export async function makePreview(blob: Blob, size: { width: number; height: number } | undefined): Promise<string> {
  const target = size ? fitInside(size) : undefined;
  const bitmap = await createImageBitmap(blob, {
    imageOrientation: 'from-image',
    ...(target && size && (target.width < size.width || target.height < size.height) ? { resizeWidth: target.width, resizeQuality: 'medium' as const } : {}),
  });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const out = await canvas.convertToBlob({ type: 'image/png' });
    return URL.createObjectURL(out);
  } finally {
    bitmap.close();
  }
}
