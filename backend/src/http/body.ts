import type { Context } from 'koa';
import getRawBody from 'raw-body';
import type { z } from 'zod';
import { ApiError, badRequest } from './errors.ts';

const DEFAULT_JSON_LIMIT = 64 * 1024;

/** Reads the raw request body up to `limit` bytes; bigger bodies answer 413 before being read in full. */
export async function readRawBody(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw new ApiError(413, 'payload_too_large', `The request body is larger than ${limit} bytes.`);
  return getRawBody(ctx.req, { limit });
}

/** Reads a JSON body and checks it against `schema`; any failure is a 400 that lists the fields. */
export async function readJson<S extends z.ZodType>(
  ctx: Context,
  schema: S,
  limit = DEFAULT_JSON_LIMIT,
): Promise<z.infer<S>> {
  if (!ctx.is('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const raw = await readRawBody(ctx, limit);
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  return parseWith(schema, json);
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
    throw badRequest(`Invalid ${fields.map((f) => f.field).join(', ')}.`, fields);
  }
  return parsed.data;
}
