/**
 * The app's deep links. Only the two routes of API.md are acted on; anything else — other
 * schemes, hosts, paths, extra or repeated parameters, odd characters — is refused with a
 * reason that can be logged (never the link itself: it may carry a one-time code).
 */
export type DeepLink =
  | { route: 'auth/callback'; code: string; state: string }
  | { route: 'billing/return'; checkoutId: string };

export type DeepLinkParse = { ok: true; link: DeepLink } | { ok: false; reason: string };

export const DEEP_LINK_SCHEME = 'promptpixels';
const MAX_LENGTH = 2048;
const TOKEN_VALUE = /^[A-Za-z0-9_-]{1,256}$/;
const CHECKOUT_ID = /^[A-Za-z0-9_-]{1,128}$/;

const ROUTES: Record<string, { params: readonly string[] }> = {
  'auth/callback': { params: ['code', 'state'] },
  'billing/return': { params: ['checkout_id'] },
};

export function parseDeepLink(raw: unknown): DeepLinkParse {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string' };
  if (raw.length > MAX_LENGTH) return { ok: false, reason: 'too long' };
  if (!raw.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) return { ok: false, reason: 'not a promptpixels:// link' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  if (url.username || url.password || url.port || url.hash) return { ok: false, reason: 'unexpected URL parts' };
  const route = `${url.hostname}${url.pathname.replace(/\/+$/, '')}`;
  const spec = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  if (!spec) return { ok: false, reason: 'unknown route' };
  const keys = [...url.searchParams.keys()];
  if (keys.length !== spec.params.length || !spec.params.every((p) => url.searchParams.getAll(p).length === 1)) {
    return { ok: false, reason: 'unexpected parameters' };
  }
  if (route === 'auth/callback') {
    const code = url.searchParams.get('code')!;
    const state = url.searchParams.get('state')!;
    if (!TOKEN_VALUE.test(code) || !TOKEN_VALUE.test(state)) return { ok: false, reason: 'malformed parameters' };
    return { ok: true, link: { route, code, state } };
  }
  const checkoutId = url.searchParams.get('checkout_id')!;
  if (!CHECKOUT_ID.test(checkoutId)) return { ok: false, reason: 'malformed parameters' };
  return { ok: true, link: { route: 'billing/return', checkoutId } };
}

/** The deep link among a process's arguments (Windows/Linux pass it on argv), if any. */
export function deepLinkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`));
}
