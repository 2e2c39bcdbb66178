import { fail, ok, type IpcResult } from '../shared/result.ts';

/**
 * The one checked path to the system browser. Only https pages open (plus loopback http for
 * the local sandbox's pages in development); no credentials in the URL, no other schemes
 * (file:, javascript:, custom protocols) — a compromised renderer cannot launch programs.
 */
export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkExternalUrl(raw: string, opts: { allowLoopbackHttp: boolean }): ExternalUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, reason: 'URLs with credentials are not opened' };
  if (url.protocol === 'https:') return { ok: true, url: url.toString() };
  if (url.protocol === 'http:' && opts.allowLoopbackHttp && LOOPBACK.has(url.hostname)) {
    return { ok: true, url: url.toString() };
  }
  return { ok: false, reason: `${url.protocol} links are not opened` };
}

/** Opens a URL in the system browser only if it passes checkExternalUrl; for main-side services. */
export function createCheckedOpener(openInBrowser: (url: string) => Promise<void>, opts: { allowLoopbackHttp: boolean }) {
  return async (url: string): Promise<IpcResult<{ opened: true }>> => {
    const checked = checkExternalUrl(url, opts);
    if (!checked.ok) return fail('refused', `That link was not opened: ${checked.reason}.`);
    await openInBrowser(checked.url);
    return ok({ opened: true as const });
  };
}
