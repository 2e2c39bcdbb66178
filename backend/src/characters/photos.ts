import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Context } from 'koa';
import { z } from 'zod';
import { ApiError, badRequest } from '../http/errors.ts';
import { readMultipart } from '../uploads/multipart.ts';
import { checkUploadedImage, type CheckedImage } from '../uploads/image-check.ts';
import { CHARACTER_TYPES } from './store.ts';

export const MIN_PHOTOS = 5;
export const MAX_PHOTOS = 20;
/** Per photo, as sent. Phone photos are 2–8 MB; 15 MB leaves room without letting 20 of them run away. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** Training looks at about 1 MP; larger photos are scaled down before zipping (less to upload, less kept). */
const TRAINING_MAX_SIDE = 1536;

const fields = z.strictObject({
  name: z.string().trim().min(1, 'is required').max(60, 'can be at most 60 characters'),
  type: z.enum(CHARACTER_TYPES, { error: `must be one of ${CHARACTER_TYPES.join(', ')}` }),
});
export type CharacterFields = z.infer<typeof fields>;

export interface TrainingPhotos {
  fields: CharacterFields;
  zip: Uint8Array;
  count: number;
  /** Same name, type and photo bytes → same fingerprint (for Idempotency-Key replays). */
  fingerprint: string;
}

/**
 * Reads POST /v1/characters: the name and type, and 5–20 photos, each checked like any upload
 * (real type, size, pixel count before decoding, EXIF orientation applied, metadata stripped),
 * then zipped in memory. Nothing is written to disk; any problem is a 4xx before credits are held.
 */
export async function readTrainingPhotos(ctx: Context): Promise<TrainingPhotos> {
  const body = await readMultipart(ctx, { maxFiles: MAX_PHOTOS + 1, maxFileBytes: MAX_PHOTO_BYTES, maxFields: 4, maxFieldBytes: 1024 });
  const parsed = fields.safeParse(body.fields);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'form', message: i.message }));
    throw badRequest(`Invalid ${issues.map((i) => i.field).join(', ')}.`, issues);
  }
  const others = body.files.filter((f) => f.field !== 'photos');
  if (others.length > 0) throw badRequest(`Unexpected file field "${others[0]!.field}"; send the photos as "photos".`, [{ field: others[0]!.field, message: 'is not expected' }]);
  const photos = body.files;
  if (photos.length < MIN_PHOTOS || photos.length > MAX_PHOTOS) {
    throw badRequest(`Send ${MIN_PHOTOS} to ${MAX_PHOTOS} photos; this request has ${photos.length}.`, [{ field: 'photos', message: `must be ${MIN_PHOTOS} to ${MAX_PHOTOS} photos` }]);
  }
  const checked: CheckedImage[] = [];
  for (const [index, photo] of photos.entries()) {
    try {
      checked.push(await checkUploadedImage(photo.bytes, { maxBytes: MAX_PHOTO_BYTES }));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Say which photo, so the app can point at it.
      throw new ApiError(err.status, err.code, `Photo ${index + 1}${photo.filename ? ` (${photo.filename.slice(0, 80)})` : ''}: ${err.message}`, { photo: index + 1 });
    }
  }
  const entries: Record<string, Uint8Array> = {};
  for (const [index, image] of checked.entries()) {
    const resized = await shrink(image);
    entries[`photo-${String(index + 1).padStart(2, '0')}.${resized.ext}`] = resized.bytes;
  }
  // Photos are already compressed: store them (level 0) rather than spend CPU on deflate.
  const fingerprint = createHash('sha256').update(JSON.stringify(parsed.data));
  for (const photo of photos) fingerprint.update(createHash('sha256').update(photo.bytes).digest());
  return { fields: parsed.data, zip: zipSync(entries, { level: 0 }), count: checked.length, fingerprint: fingerprint.digest('hex') };
}

async function shrink(image: CheckedImage): Promise<{ bytes: Uint8Array; ext: string }> {
  const ext = image.contentType === 'image/png' ? 'png' : image.contentType === 'image/webp' ? 'webp' : 'jpg';
  if (Math.max(image.width, image.height) <= TRAINING_MAX_SIDE) return { bytes: image.bytes, ext };
  const { default: sharp } = await import('sharp');
  const bytes = await sharp(image.bytes).resize(TRAINING_MAX_SIDE, TRAINING_MAX_SIDE, { fit: 'inside' }).jpeg({ quality: 92 }).toBuffer();
  return { bytes, ext: 'jpg' };
}
