import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/backend.ts';
import { appPkce, browserSignIn, startSignInBackend, TestBrowser } from './helpers/sign-in-flow.ts';

let env: Awaited<ReturnType<typeof startSignInBackend>>;
let clock = Date.now();
const created: string[] = [];

beforeAll(async () => {
  env = await startSignInBackend({ now: () => clock, onAccountCreated: (u) => created.push(u.id) });
});
afterAll(() => env.stop());

async function signIn(account = 'sandbox-ada', device = 'Test laptop') {
  const app = appPkce();
  const browser = new TestBrowser();
  const page = await browserSignIn(browser, env.backend.url, app, { account });
  expect(page.status).toBe(200);
  const link = page.deepLink!;
  const token = await call(env.backend.url, 'POST', '/auth/token', {
    json: { grant_type: 'handoff', code: link.searchParams.get('code'), code_verifier: app.verifier, device_name: device },
  });
  return { app, browser, page, link, token };
}

describe('signing in through the browser', () => {
  it('runs start → provider → callback page → deep link → token → /v1/me', async () => {
    const { app, browser, page, link, token } = await signIn();
    expect(page.html).toContain('Opening PromptPixels…');
    expect(link.protocol).toBe('promptpixels:');
    expect(link.host + link.pathname).toBe('auth/callback');
    expect(link.searchParams.get('state')).toBe(app.state);
    expect(link.searchParams.get('code')).toMatch(/^pph_[A-Za-z0-9_-]{43}$/);
    const cookie = browser.setCookieHeaders.find((h) => h.startsWith('pp_signin='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(token.status).toBe(200);
    expect(token.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, user: { email: 'ada@example.com', name: 'Ada Lovelace' } });
    const me = await call(env.backend.url, 'GET', '/v1/me', { headers: { authorization: `Bearer ${token.json.access_token}` } });
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace', terms_accepted_at: null, consents: {} });
  });
});
