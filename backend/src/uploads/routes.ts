import Router from '@koa/router';
import type { AppDeps } from '../app.ts';
import { newId } from '../auth/tokens.ts';
import { requireUser } from '../auth/middleware.ts';
import { readRawBody } from '../http/body.ts';
import { ApiError } from '../http/errors.ts';
import { falFor } from '../generation/fal-client.ts';
import { notConfigured } from '../generation/service.ts';
import { checkUploadedImage, MAX_UPLOAD_BYTES } from './image-check.ts';
import { insertUpload, UPLOAD_TTL_S } from './store.ts';

const DECLARED_TYPES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * POST /v1/uploads: a raw image body → checked (real type from the bytes, size, pixel count
 * before decoding, EXIF orientation applied, metadata stripped) → forwarded to fal storage with
 * a one-hour lifecycle. Only the fal URL and the size are recorded; the bytes are not kept.
 * Nothing here touches credits: refusals hold nothing.
 */
export function uploadRoutes(deps: AppDeps): Router {
  const router = new Router();

  router.post('/v1/uploads', async (ctx) => {
    const { userId } = requireUser(ctx);
    const declared = (ctx.get('content-type') || '').split(';')[0]!.trim().toLowerCase();
    if (!DECLARED_TYPES.includes(declared)) {
      throw new ApiError(415, 'unsupported_media_type', 'Send the image itself as the body with Content-Type image/png, image/jpeg or image/webp.');
    }
    const fal = falFor(deps.config);
    if (!fal) throw notConfigured();
    let raw: Buffer;
    try {
      raw = await readRawBody(ctx, MAX_UPLOAD_BYTES);
    } catch (err) {
      if (err instanceof ApiError) throw err;
      // raw-body's own limit error (a body without Content-Length that grows too big).
      if ((err as { type?: string }).type === 'entity.too.large') {
        throw new ApiError(413, 'payload_too_large', `Images can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
      }
      throw new ApiError(400, 'invalid_request', 'The image could not be received completely.');
    }
    if (raw.length === 0) throw new ApiError(400, 'invalid_image', 'The request has no image in its body.');
    // The real type comes from the bytes; the header only has to name one of the accepted types.
    const image = await checkUploadedImage(raw);

    const now = deps.now();
    let fileUrl: string;
    try {
      fileUrl = await fal.storage.upload(new Blob([new Uint8Array(image.bytes)], { type: image.contentType }), { lifecycle: { expiresIn: UPLOAD_TTL_S } });
    } catch (err) {
      deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'fal storage refused an upload');
      throw new ApiError(503, 'provider_unavailable', 'The image service is not reachable right now. Try again in a minute.');
    }
    const id = newId('upl');
    insertUpload(deps.db, {
      id,
      user_id: userId,
      file_url: fileUrl,
      content_type: image.contentType,
      width: image.width,
      height: image.height,
      byte_size: image.bytes.length,
      created_at: now,
      expires_at: now + UPLOAD_TTL_S * 1000,
    });
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 201;
    ctx.body = { upload_id: id, width: image.width, height: image.height, content_type: image.contentType, expires_at: new Date(now + UPLOAD_TTL_S * 1000).toISOString() };
  });

  return router;
}
