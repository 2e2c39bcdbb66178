import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { startOidcStandIn, type OidcStandIn } from '../../src/sandbox/oidc-stand-in.ts';
import { startTestBackend, type TestBackend } from './backend.ts';

/** A free loopback port: the stand-in must know the backend's callback URL before it starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** The real backend pointed at a real OpenID provider on loopback, as sandbox mode runs them. */
export async function startSignInBackend(
  opts: Parameters<typeof startTestBackend>[1] = {},
  env: Record<string, string> = {},
): Promise<{ backend: TestBackend; provider: OidcStandIn; stop(): Promise<void> }> {
  const port = await freePort();
  const provider = await startOidcStandIn({ backendUrl: `http://127.0.0.1:${port}` });
  // Sign-in tests run many flows from one address; the limits themselves are tested separately.
  const backend = await startTestBackend({ PP_PORT: String(port), PP_RATE_LIMIT_SCALE: '100', ...env, ...provider.env }, opts);
  return {
    backend,
    provider,
    async stop() {
      await backend.stop();
      await provider.close();
    },
  };
}

interface StoredCookie {
  name: string;
  value: string;
  path: string;
  httpOnly: boolean;
}

/**
 * A tiny browser: fetch with manual redirects and a cookie jar per host (browsers share
 * cookies across ports of one host, and so does this). Enough for OAuth round trips.
 */
export class TestBrowser {
  readonly cookies = new Map<string, StoredCookie[]>();
  /** Every Set-Cookie header seen, for checks of cookie attributes. */
  readonly setCookieHeaders: string[] = [];

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const headers: Record<string, string> = {};
    const jar = (this.cookies.get(target.hostname) ?? []).filter((c) => target.pathname.startsWith(c.path));
    if (jar.length) headers.cookie = jar.map((c) => `${c.name}=${c.value}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, { method: init.method ?? 'GET', headers, body, redirect: 'manual' });
    for (const header of res.headers.getSetCookie()) this.store(target, header);
    return res;
  }

  /** Follows redirects from `url` until a non-redirect answer, or until `stop` says so. */
  async navigate(url: string, stop: (next: URL) => boolean = () => false): Promise<{ url: string; res: Response }> {
    let current = url;
    for (let hops = 0; hops < 20; hops++) {
      const res = await this.request(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      const next = new URL(location, current);
      if (stop(next)) return { url: next.href, res };
      current = next.href;
    }
    throw new Error('too many redirects');
  }

  private store(url: URL, header: string): void {
    const [pair, ...attrs] = header.split(';').map((s) => s.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    const attr = (key: string) => attrs.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=')[1];
    const path = attr('path') ?? '/';
    const expired = attr('max-age') === '0' || value === '' || (attr('expires') !== undefined && Date.parse(attr('expires')!) < Date.now());
    const jar = (this.cookies.get(url.hostname) ?? []).filter((c) => !(c.name === name && c.path === path));
    if (!expired) jar.push({ name, value, path, httpOnly: attrs.some((a) => a.toLowerCase() === 'httponly') });
    this.cookies.set(url.hostname, jar);
    this.setCookieHeaders.push(header);
  }
}

/** What the app holds while a sign-in is under way: its PKCE pair and its own state. */
export function appPkce(): { verifier: string; challenge: string; state: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url'), state: randomBytes(16).toString('base64url') };
}

export function startUrl(backendUrl: string, app: { challenge: string; state: string }): string {
  return `${backendUrl}/auth/google/start?${new URLSearchParams({ challenge: app.challenge, state: app.state })}`;
}

/** The promptpixels:// link in the callback page's visible button. */
export function deepLinkFrom(html: string): URL | undefined {
  const match = /id="open-app" href="([^"]+)"/.exec(html);
  return match ? new URL(match[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))) : undefined;
}

/**
 * Drives the browser from /auth/google/start through the provider's account picker up to the
 * callback request. `beforeCallback` may rewrite the callback URL (attacks) before it is opened.
 */
export async function browserSignIn(
  browser: TestBrowser,
  backendUrl: string,
  app: { challenge: string; state: string },
  opts: { account?: string; beforeCallback?: (url: URL) => URL; callbackBrowser?: TestBrowser } = {},
): Promise<{ status: number; html: string; deepLink: URL | undefined }> {
  const isCallback = (u: URL) => u.href.startsWith(`${backendUrl}/auth/google/callback`);
  const toPicker = await browser.navigate(startUrl(backendUrl, app));
  if (toPicker.res.status !== 200) return { status: toPicker.res.status, html: await toPicker.res.text(), deepLink: undefined };
  const picker = await toPicker.res.text();
  const action = /action="([^"]+)"/.exec(picker)?.[1];
  if (!action) throw new Error(`no account picker at ${toPicker.url}`);
  const posted = await browser.request(new URL(action, toPicker.url).href, { method: 'POST', form: { account: opts.account ?? 'sandbox-ada' } });
  const afterLogin = await browser.navigate(new URL(posted.headers.get('location')!, toPicker.url).href, isCallback);
  let callback = new URL(afterLogin.url);
  if (!isCallback(callback)) throw new Error(`the provider did not return to the callback: ${afterLogin.url}`);
  if (opts.beforeCallback) callback = opts.beforeCallback(callback);
  const res = await (opts.callbackBrowser ?? browser).request(callback.href);
  const html = await res.text();
  return { status: res.status, html, deepLink: deepLinkFrom(html) };
}
