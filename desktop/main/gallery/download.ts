import { sniffImageType, type GalleryImageType } from './image-bytes.ts';

/**
 * Fetches one result image the backend pointed at. The URL comes from the network, so it is
 * checked like any input: https (plain http only on this machine, for the local sandbox), an
 * image content type, a size limit enforced while streaming, and real image bytes.
 */
export const MAX_IMAGE_BYTES = 40 * 1024 * 1024;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

export type DownloadResult =
  | { ok: true; bytes: Uint8Array; contentType: GalleryImageType }
  | { ok: false; code: 'download_refused' | 'download_failed' | 'not_an_image' | 'too_large'; message: string };

export async function downloadImage(
  raw: string,
  opts: { fetch?: typeof fetch; maxBytes?: number; timeoutMs?: number } = {},
): Promise<DownloadResult> {
  const maxBytes = opts.maxBytes ?? MAX_IMAGE_BYTES;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, code: 'download_refused', message: 'The result address is not a valid URL.' };
  }
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if ((url.protocol !== 'https:' && !loopbackHttp) || url.username || url.password) {
    return { ok: false, code: 'download_refused', message: 'The result address is not a secure web address.' };
  }
  let response: Response;
  try {
    response = await (opts.fetch ?? fetch)(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) });
  } catch {
    return { ok: false, code: 'download_failed', message: 'The image could not be downloaded. Check your connection and retry.' };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { ok: false, code: 'download_failed', message: `The image could not be downloaded (the server answered ${response.status}).` };
  }
  const declared = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ALLOWED_TYPES.has(declared)) {
    await response.body.cancel();
    return { ok: false, code: 'not_an_image', message: 'The result was not a PNG, JPEG or WebP image.' };
  }
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > maxBytes) {
    await response.body.cancel();
    return { ok: false, code: 'too_large', message: 'The result image is larger than the gallery accepts.' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        await response.body.cancel().catch(() => undefined);
        return { ok: false, code: 'too_large', message: 'The result image is larger than the gallery accepts.' };
      }
      chunks.push(chunk);
    }
  } catch {
    return { ok: false, code: 'download_failed', message: 'The download was interrupted. Retry.' };
  }
  const bytes = Buffer.concat(chunks);
  const sniffed = sniffImageType(bytes);
  if (!sniffed) return { ok: false, code: 'not_an_image', message: 'The downloaded file is not a valid image.' };
  return { ok: true, bytes, contentType: sniffed };
}
