import Busboy from 'busboy';
import type { Context } from 'koa';
import { ApiError } from '../http/errors.ts';

export interface MultipartLimits {
  maxFiles: number;
  maxFileBytes: number;
  maxFields: number;
  maxFieldBytes: number;
}

export interface MultipartBody {
  fields: Record<string, string>;
  files: Array<{ field: string; filename: string; bytes: Buffer }>;
}

/**
 * Reads multipart/form-data into memory within strict limits; any limit crossed is a clear
 * 413/400 and the rest of the body is discarded.
 */
export function readMultipart(ctx: Context, limits: MultipartLimits): Promise<MultipartBody> {
  if (!ctx.is('multipart/form-data')) {
    return Promise.reject(new ApiError(415, 'unsupported_media_type', 'Send the photos as multipart/form-data.'));
  }
  return new Promise((resolve, reject) => {
    let bb: Busboy.Busboy;
    try {
      bb = Busboy({
        headers: ctx.req.headers,
        limits: { files: limits.maxFiles, fileSize: limits.maxFileBytes, fields: limits.maxFields, fieldSize: limits.maxFieldBytes, parts: limits.maxFiles + limits.maxFields },
      });
    } catch {
      reject(new ApiError(400, 'invalid_request', 'The form data could not be read.'));
      return;
    }
    const body: MultipartBody = { fields: {}, files: [] };
    let failed: ApiError | undefined;
    const fail = (err: ApiError) => {
      failed ??= err;
      ctx.req.unpipe(bb);
      ctx.req.resume();
      reject(failed);
    };
    bb.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new ApiError(413, 'payload_too_large', `The field ${name} is too long.`));
      body.fields[name] = value;
    });
    bb.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('limit', () => fail(new ApiError(413, 'payload_too_large', `Each photo can be at most ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB.`)));
      stream.on('close', () => {
        if (!failed) body.files.push({ field, filename: info.filename ?? '', bytes: Buffer.concat(chunks) });
      });
    });
    bb.on('filesLimit', () => fail(new ApiError(400, 'invalid_request', `At most ${limits.maxFiles} files.`)));
    bb.on('fieldsLimit', () => fail(new ApiError(400, 'invalid_request', 'Too many form fields.')));
    bb.on('partsLimit', () => fail(new ApiError(400, 'invalid_request', 'Too many parts in the form.')));
    bb.on('error', () => fail(new ApiError(400, 'invalid_request', 'The form data could not be read.')));
    bb.on('close', () => {
      if (!failed) resolve(body);
    });
    ctx.req.pipe(bb);
  });
}
