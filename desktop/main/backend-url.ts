/**
 * Which backend the app may talk to: https anywhere, or plain http only to this machine
 * (development and the local sandbox). Anything else is refused so tokens never travel
 * in the clear.
 */
export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type BackendUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

export function checkBackendUrl(raw: string): BackendUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'The backend URL is not a valid URL.' };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { ok: false, reason: 'The backend URL must not contain credentials, a query or a fragment.' };
  }
  const isLoopbackHttp = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !isLoopbackHttp) {
    return { ok: false, reason: 'The backend URL must use https (plain http only for 127.0.0.1).' };
  }
  return { ok: true, url: url.origin + url.pathname.replace(/\/+$/, '') };
}
