import { readFile, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { sniffImageType, TYPE_FOR_EXTENSION } from './image-bytes.ts';

/**
 * pp-media://gallery/<file> lets the renderer show gallery images without file: access.
 * Only single file names of gallery image types resolve, and only to files whose real
 * path (symlinks followed) is inside the gallery folder; anything else is refused.
 */
export const MEDIA_SCHEME = 'pp-media';
export const MEDIA_HOST = 'gallery';

export const mediaUrlFor = (fileName: string) => `${MEDIA_SCHEME}://${MEDIA_HOST}/${encodeURIComponent(fileName)}`;

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,200}$/;

/** Checks a gallery file name (the gallery's item id); pure, no file system. */
export function isSafeGalleryName(name: string): boolean {
  if (!SAFE_NAME.test(name) || name.includes('..')) return false;
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return ext in TYPE_FOR_EXTENSION;
}

export type MediaPathCheck = { ok: true; fileName: string } | { ok: false; reason: string };

/** Maps a pp-media URL to a gallery file name, or says why not. Pure. */
export function parseMediaUrl(raw: string): MediaPathCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== `${MEDIA_SCHEME}:`) return { ok: false, reason: 'wrong scheme' };
  if (url.hostname !== MEDIA_HOST) return { ok: false, reason: 'unknown media host' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: 'unexpected URL parts' };
  // The raw path must be exactly one segment: "/name". Encoded separators are decoded and rechecked.
  const segments = url.pathname.split('/');
  if (segments.length !== 2 || segments[0] !== '') return { ok: false, reason: 'not a single file name' };
  let name: string;
  try {
    name = decodeURIComponent(segments[1]!);
  } catch {
    return { ok: false, reason: 'bad encoding' };
  }
  if (name.includes('/') || name.includes('\\') || name.includes('\0')) return { ok: false, reason: 'path separators in name' };
  if (!isSafeGalleryName(name)) return { ok: false, reason: 'not a gallery image name' };
  return { ok: true, fileName: name };
}

/** True when `child` is strictly inside `parent` (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The protocol handler: the same function serves Electron's protocol.handle and the test harness. */
export function createMediaHandler(galleryDir: () => string) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const parsed = parseMediaUrl(request.url);
    if (!parsed.ok) return new Response(null, { status: 404 });
    let file: string;
    try {
      const root = await realpath(galleryDir());
      file = await realpath(join(root, parsed.fileName));
      if (!isInside(root, file)) return new Response(null, { status: 404 });
    } catch {
      return new Response(null, { status: 404 });
    }
    try {
      const bytes = await readFile(file);
      const type = sniffImageType(bytes);
      if (!type) return new Response(null, { status: 404 });
      return new Response(request.method === 'HEAD' ? null : bytes, {
        status: 200,
        headers: { 'content-type': type, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}
