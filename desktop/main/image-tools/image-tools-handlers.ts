import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES, sniffUploadType, type UploadedImage } from '../../shared/image-tools.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { GalleryFolder } from '../gallery/gallery-folder.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';

export interface ImageToolsDeps {
  backend: AuthorizedBackend;
  gallery: Pick<GalleryFolder, 'pathOf'>;
}

type Channels = 'uploadImage' | 'uploadGalleryImage' | 'quoteImageTool';

const uploadAnswer = z.object({ upload_id: z.string().regex(/^upl_[A-Za-z0-9_-]{16}$/), width: z.number().int().positive(), height: z.number().int().positive(), content_type: z.enum(['image/png', 'image/jpeg', 'image/webp']) });
const quoteAnswer = z.object({ cost: z.number().int().nonnegative(), price_basis: z.object({ explanation: z.string().max(500) }).optional() });

/**
 * Main's side of the image tools: checks the bytes (size, a real PNG/JPEG/WebP) before they
 * leave the computer, uploads them with the session's token (the renderer never holds it),
 * and asks for quotes with the explanation of megapixel prices.
 */
export function createImageToolsHandlers(deps: ImageToolsDeps): Pick<IpcHandlers, Channels> {
  async function upload(bytes: Uint8Array<ArrayBuffer>): Promise<IpcResult<UploadedImage>> {
    if (bytes.length > MAX_UPLOAD_BYTES) return fail('payload_too_large', `Images can be at most ${MAX_UPLOAD_BYTES / 2 ** 20} MB. Downscale it or save it as JPEG first.`);
    const type = sniffUploadType(bytes);
    if (!type) return fail('unsupported_media_type', 'That file is not a PNG, JPEG or WebP image. Open one of those instead.');
    const res = await deps.backend.request<unknown>('POST', '/v1/uploads', { raw: { bytes, contentType: type }, timeoutMs: 120_000 });
    if (!res.ok) return fail(res.error.code, res.error.message, res.error.details);
    const parsed = uploadAnswer.safeParse(res.body);
    if (!parsed.success) return fail('bad_response', 'The service answered the upload in a way this version cannot read.');
    return ok({ uploadId: parsed.data.upload_id, width: parsed.data.width, height: parsed.data.height, contentType: parsed.data.content_type });
  }

  return {
    uploadImage: ({ bytes }) => upload(new Uint8Array(bytes)),
    uploadGalleryImage: async ({ id }) => {
      const path = await deps.gallery.pathOf(id);
      if (!path) return fail('not_found', 'That image is no longer in the gallery.');
      const info = await stat(path);
      if (info.size > MAX_UPLOAD_BYTES) return fail('payload_too_large', `Images can be at most ${MAX_UPLOAD_BYTES / 2 ** 20} MB.`);
      return upload(new Uint8Array(await readFile(path)));
    },
    quoteImageTool: async ({ tool, input }) => {
      const res = await deps.backend.request<unknown>('POST', '/v1/quotes', { body: { tool, input } });
      if (!res.ok) return fail(res.error.code, res.error.message, res.error.details);
      const parsed = quoteAnswer.safeParse(res.body);
      if (!parsed.success) return fail('bad_quote', 'The service sent a price this version cannot read.');
      return ok({ cost: parsed.data.cost, ...(parsed.data.price_basis ? { explanation: parsed.data.price_basis.explanation } : {}) });
    },
  };
}
