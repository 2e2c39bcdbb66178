import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/backend.ts';
import { appPkce, browserSignIn, startSignInBackend, TestBrowser } from './helpers/sign-in-flow.ts';

let env: Awaited<ReturnType<typeof startSignInBackend>>;
let clock = Date.now();
const created: string[] = [];
const createdIdentities: { issuer: string; subject: string; emailVerified: boolean }[] = [];

beforeAll(async () => {
  env = await startSignInBackend({
    now: () => clock,
    onAccountCreated: (u) => {
      created.push(u.id);
      createdIdentities.push({ issuer: u.issuer, subject: u.subject, emailVerified: u.emailVerified });
    },
  });
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
    // The page's one inline script runs only through this response's CSP nonce.
    const nonce = /<script nonce="([^"]+)">/.exec(page.html)?.[1];
    expect(nonce).toBeTruthy();
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

describe('secrets at rest and in logs', () => {
  it('stores handoff codes and tokens only as hashes and never logs them', async () => {
    const { link, token, browser } = await signIn();
    const db = env.backend.deps.db;
    const dump = JSON.stringify([
      db.prepare('SELECT * FROM handoff_codes').all(),
      db.prepare('SELECT * FROM auth_attempts').all(),
      db.prepare('SELECT * FROM sessions').all(),
      db.prepare('SELECT * FROM refresh_tokens').all(),
    ]);
    const cookie = browser.setCookieHeaders.find((h) => h.startsWith('pp_signin=') && !h.startsWith('pp_signin=;'))!.split(';')[0]!.slice('pp_signin='.length);
    const secrets = [link.searchParams.get('code')!, token.json.access_token, token.json.refresh_token, cookie];
    for (const secret of secrets) {
      expect(dump).not.toContain(secret);
      expect(env.backend.logs.join('\n')).not.toContain(secret);
    }
  });
});

describe('new accounts', () => {
  it('calls the account-created hook once per Google account, not on later sign-ins', async () => {
    const before = created.length;
    const first = await signIn('sandbox-grace');
    expect(created.length).toBe(before + 1);
    expect(created.at(-1)).toBe(first.token.json.user.id);
    expect(createdIdentities.at(-1)).toEqual({ issuer: env.provider.url, subject: 'sandbox-grace', emailVerified: true });
    const again = await signIn('sandbox-grace');
    expect(again.token.json.user.id).toBe(first.token.json.user.id);
    expect(created.length).toBe(before + 1);
  });

  it('keeps no email when the provider does not say it is verified', async () => {
    const { token } = await signIn('sandbox-unverified');
    expect(token.status).toBe(200);
    expect(token.json.user.email).toBeNull();
    expect(token.json.user.name).toBe('Unverified Email');
  });
});

describe('attacks on the handoff code', () => {
  it('refuses a replayed code', async () => {
    const { app, link, token } = await signIn();
    expect(token.status).toBe(200);
    const replay = await call(env.backend.url, 'POST', '/auth/token', {
      json: { grant_type: 'handoff', code: link.searchParams.get('code'), code_verifier: app.verifier },
    });
    expect(replay.status).toBe(400);
    expect(replay.json.error.code).toBe('invalid_grant');
  });

  it('refuses a wrong verifier, and the code is used up by the attempt', async () => {
    const app = appPkce();
    const page = await browserSignIn(new TestBrowser(), env.backend.url, app);
    const code = page.deepLink!.searchParams.get('code');
    const thief = await call(env.backend.url, 'POST', '/auth/token', {
      json: { grant_type: 'handoff', code, code_verifier: appPkce().verifier },
    });
    expect(thief.status).toBe(400);
    expect(thief.json.error.code).toBe('invalid_grant');
    const owner = await call(env.backend.url, 'POST', '/auth/token', { json: { grant_type: 'handoff', code, code_verifier: app.verifier } });
    expect(owner.status).toBe(400);
  });

  it('refuses a code older than 60 seconds', async () => {
    const app = appPkce();
    const page = await browserSignIn(new TestBrowser(), env.backend.url, app);
    clock += 61_000;
    try {
      const late = await call(env.backend.url, 'POST', '/auth/token', {
        json: { grant_type: 'handoff', code: page.deepLink!.searchParams.get('code'), code_verifier: app.verifier },
      });
      expect(late.status).toBe(400);
      expect(late.json.error.code).toBe('invalid_grant');
    } finally {
      clock -= 61_000;
    }
  });

  it('answers malformed token requests with 400 and the fields', async () => {
    for (const json of [
      { grant_type: 'handoff', code: 'x', code_verifier: 'short' },
      { grant_type: 'password', username: 'a' },
      { grant_type: 'handoff', code: 'pph_nope', code_verifier: 'a'.repeat(43), device_name: 'bad\u0000name' },
      {},
    ]) {
      const res = await call(env.backend.url, 'POST', '/auth/token', { json });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('invalid_request');
    }
    const unknown = await call(env.backend.url, 'POST', '/auth/token', {
      json: { grant_type: 'handoff', code: `pph_${'A'.repeat(43)}`, code_verifier: 'a'.repeat(43) },
    });
    expect(unknown.json.error.code).toBe('invalid_grant');
    const notJson = await call(env.backend.url, 'POST', '/auth/token', { body: 'grant_type=handoff', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(notJson.status).toBe(415);
  });
});

describe('attacks on the browser leg', () => {
  it('refuses a callback whose state was tampered with, and shows a clear page', async () => {
    const page = await browserSignIn(new TestBrowser(), env.backend.url, appPkce(), {
      beforeCallback: (url) => {
        url.searchParams.set('state', 'tampered-state-value');
        return url;
      },
    });
    expect(page.status).toBe(400);
    expect(page.deepLink).toBeUndefined();
    expect(page.html).toContain('Sign-in did not finish');
  });

  it('refuses a callback opened in a browser without the sign-in cookie', async () => {
    const page = await browserSignIn(new TestBrowser(), env.backend.url, appPkce(), { callbackBrowser: new TestBrowser() });
    expect(page.status).toBe(400);
    expect(page.deepLink).toBeUndefined();
    expect(page.html).toContain('This sign-in has expired');
  });

  it('refuses the same callback twice', async () => {
    let callbackUrl = '';
    const browser = new TestBrowser();
    const first = await browserSignIn(browser, env.backend.url, appPkce(), {
      beforeCallback: (url) => {
        callbackUrl = url.href;
        return url;
      },
    });
    expect(first.status).toBe(200);
    // A browser that kept the cookie (e.g. one restored from a backup) still cannot replay it.
    const cookie = browser.setCookieHeaders.find((h) => h.startsWith('pp_signin=') && !h.startsWith('pp_signin=;'))!;
    const res = await fetch(callbackUrl, { headers: { cookie: cookie.split(';')[0]! } });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('already used');
  });

  it('shows a canceled page when the provider reports an error', async () => {
    const browser = new TestBrowser();
    await browser.navigate(`${env.backend.url}/auth/google/start?challenge=${appPkce().challenge}&state=${appPkce().state}`, (u) => !u.href.startsWith(env.backend.url));
    const res = await browser.request(`${env.backend.url}/auth/google/callback?error=access_denied&state=x`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Sign-in was canceled');
  });

  it('answers a bad start link with an HTML error page and no redirect', async () => {
    const res = await fetch(`${env.backend.url}/auth/google/start?challenge=short&state=s`, { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('location')).toBeNull();
  });

  it('never accepts a caller-chosen redirect target', async () => {
    const app = appPkce();
    const res = await fetch(`${env.backend.url}/auth/google/start?challenge=${app.challenge}&state=${app.state}&redirect_uri=https://evil.example/`, { redirect: 'manual' });
    const location = new URL(res.headers.get('location')!);
    expect(location.origin).toBe(env.provider.url);
    expect(location.searchParams.get('redirect_uri')).toBe(`${env.backend.url}/auth/google/callback`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('nonce')).toBeTruthy();
  });
});

describe('sessions', () => {
  const refresh = (token: string) => call(env.backend.url, 'POST', '/auth/token', { json: { grant_type: 'refresh_token', refresh_token: token } });
  const me = (access: string) => call(env.backend.url, 'GET', '/v1/me', { headers: { authorization: `Bearer ${access}` } });

  it('rotates the refresh token on every use', async () => {
    const { token } = await signIn();
    const next = await refresh(token.json.refresh_token);
    expect(next.status).toBe(200);
    expect(next.json.refresh_token).not.toBe(token.json.refresh_token);
    expect((await me(next.json.access_token)).status).toBe(200);
    expect((await me(token.json.access_token)).status).toBe(401);
  });

  it('revokes the whole session when a rotated refresh token comes back', async () => {
    const { token } = await signIn();
    const next = await refresh(token.json.refresh_token);
    const reuse = await refresh(token.json.refresh_token);
    expect(reuse.status).toBe(401);
    expect((await me(next.json.access_token)).status).toBe(401);
    expect((await refresh(next.json.refresh_token)).status).toBe(401);
  });

  it('ends the session on logout', async () => {
    const { token } = await signIn();
    const out = await call(env.backend.url, 'POST', '/auth/logout', { headers: { authorization: `Bearer ${token.json.access_token}` } });
    expect(out.status).toBe(204);
    expect((await me(token.json.access_token)).status).toBe(401);
    expect((await refresh(token.json.refresh_token)).status).toBe(401);
  });

  it('lists devices and revokes another one, which then stops working', async () => {
    const laptop = await signIn('sandbox-ada', 'Laptop');
    const desktop = await signIn('sandbox-ada', 'Desktop');
    const auth = { authorization: `Bearer ${laptop.token.json.access_token}` };
    const list = await call(env.backend.url, 'GET', '/v1/me/sessions', { headers: auth });
    const mine = list.json.items.filter((s: { id: string }) => [laptop.token.json.session_id, desktop.token.json.session_id].includes(s.id));
    expect(mine).toHaveLength(2);
    expect(list.json.items.find((s: { current: boolean }) => s.current).device_name).toBe('Laptop');
    const del = await call(env.backend.url, 'DELETE', `/v1/me/sessions/${desktop.token.json.session_id}`, { headers: auth });
    expect(del.status).toBe(204);
    expect((await me(desktop.token.json.access_token)).status).toBe(401);
    expect((await refresh(desktop.token.json.refresh_token)).status).toBe(401);
    expect((await me(laptop.token.json.access_token)).status).toBe(200);
    const again = await call(env.backend.url, 'DELETE', `/v1/me/sessions/${desktop.token.json.session_id}`, { headers: auth });
    expect(again.status).toBe(404);
  });

  it('does not let one user revoke another user’s session', async () => {
    const ada = await signIn('sandbox-ada');
    const grace = await signIn('sandbox-grace');
    const res = await call(env.backend.url, 'DELETE', `/v1/me/sessions/${grace.token.json.session_id}`, {
      headers: { authorization: `Bearer ${ada.token.json.access_token}` },
    });
    expect(res.status).toBe(404);
    expect((await me(grace.token.json.access_token)).status).toBe(200);
  });

  it('refuses malformed and unknown bearer tokens with 401', async () => {
    for (const header of ['Bearer nope', `Bearer ppa_${'A'.repeat(43)}`, 'Basic abc', 'Bearer ']) {
      const res = await call(env.backend.url, 'GET', '/v1/me', { headers: { authorization: header } });
      expect(res.status).toBe(401);
    }
    expect((await call(env.backend.url, 'GET', '/v1/me')).status).toBe(401);
    expect((await refresh('ppr_garbage')).json.error.code).toBe('invalid_grant');
  });

  it('ends a session that was idle for longer than the idle limit', async () => {
    const { token } = await signIn();
    clock += 31 * 24 * 60 * 60 * 1000;
    try {
      expect((await refresh(token.json.refresh_token)).status).toBe(401);
    } finally {
      clock -= 31 * 24 * 60 * 60 * 1000;
    }
  });
});

describe('the account-created hook failing', () => {
  it('fails that sign-in without keeping the account, so the next sign-in creates it and calls the hook again', async () => {
    const calls: string[] = [];
    let failNext = true;
    const local = await startSignInBackend({
      onAccountCreated: (u) => {
        calls.push(u.id);
        if (failNext) {
          failNext = false;
          throw new Error('ledger unavailable');
        }
      },
    });
    try {
      const first = await browserSignIn(new TestBrowser(), local.backend.url, appPkce(), { account: 'sandbox-ada' });
      expect(first.status).toBe(500);
      expect(first.deepLink).toBeUndefined();
      expect(local.backend.deps.db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(0);
      const second = await browserSignIn(new TestBrowser(), local.backend.url, appPkce(), { account: 'sandbox-ada' });
      expect(second.status).toBe(200);
      expect(calls).toHaveLength(2);
      expect(local.backend.deps.db.prepare('SELECT id FROM users').pluck().get()).toBe(calls[1]);
    } finally {
      await local.stop();
    }
  });
});
