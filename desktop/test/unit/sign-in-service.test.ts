import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../backend/test/helpers/backend.ts';
import { browserSignIn, startSignInBackend, TestBrowser } from '../../../backend/test/helpers/sign-in-flow.ts';
import { createSignInService, PENDING_TTL_MS } from '../../main/auth/sign-in-service.ts';
import { createMemoryStore, type SecretStore } from '../../main/auth/secret-store.ts';
import { createBackendClient, type BackendClient } from '../../main/backend-client.ts';

let env: Awaited<ReturnType<typeof startSignInBackend>>;
let serverClock = Date.now();
beforeAll(async () => {
  env = await startSignInBackend({ now: () => serverClock });
});
afterAll(() => env.stop());

/** The service as main builds it, over a client that counts refresh grants. */
function makeService(opts: { secrets?: SecretStore; now?: () => number } = {}) {
  const opened: string[] = [];
  const base = createBackendClient({ baseUrl: () => env.backend.url });
  let refreshes = 0;
  const client: BackendClient = {
    request: (method, path, init) => {
      if (path === '/auth/token' && (init?.body as { grant_type?: string })?.grant_type === 'refresh_token') refreshes++;
      return base.request(method, path, init);
    },
  };
  const secrets = opts.secrets ?? createMemoryStore();
  const service = createSignInService({
    client,
    backendUrl: () => env.backend.url,
    openInBrowser: async (url) => {
      opened.push(url);
      return true;
    },
    secrets,
    now: opts.now ?? Date.now,
    deviceName: 'Unit test machine',
  });
  return { service, opened, secrets, refreshes: () => refreshes };
}

/** The user's browser: follows the URL the app opened through to the deep link. */
async function finishInBrowser(startUrl: string, account = 'sandbox-ada'): Promise<string> {
  const url = new URL(startUrl);
  const app = { challenge: url.searchParams.get('challenge')!, state: url.searchParams.get('state')! };
  const page = await browserSignIn(new TestBrowser(), env.backend.url, app, { account });
  return page.deepLink!.href;
}

async function signedIn() {
  const made = makeService();
  await made.service.restore();
  await made.service.startSignIn();
  const link = await finishInBrowser(made.opened.at(-1)!);
  expect(await made.service.handleDeepLink(link)).toBe('signed_in');
  return made;
}

describe('the desktop sign-in service', () => {
  it('signs in through the system browser and keeps the refresh token only in the secret store', async () => {
    const { service, opened, secrets } = makeService();
    await service.restore();
    expect(service.getState().status).toBe('signed_out');
    await service.startSignIn();
    expect(service.getState().status).toBe('waiting');
    expect(opened[0]).toMatch(new RegExp(`^${env.backend.url}/auth/google/start\\?challenge=[A-Za-z0-9_-]{43}&state=`));
    expect(await service.handleDeepLink(await finishInBrowser(opened[0]!))).toBe('signed_in');
    const state = service.getState();
    expect(state.status === 'signed_in' && state.user?.email).toBe('ada@example.com');
    expect(await secrets.get()).toMatch(/^ppr_/);
    const me = await service.authorized.request<{ name: string }>('GET', '/v1/me');
    expect(me.ok && me.body.name).toBe('Ada Lovelace');
  });

  it('ignores a callback whose state it did not issue, and one for a canceled attempt', async () => {
    const victim = makeService();
    await victim.service.restore();
    // An attacker's own finished sign-in, pushed to the victim's app as a deep link (login injection).
    const attacker = makeService();
    await attacker.service.startSignIn();
    const injected = await finishInBrowser(attacker.opened[0]!, 'sandbox-grace');
    expect(await victim.service.handleDeepLink(injected)).toBe('ignored');
    expect(victim.service.getState().status).toBe('signed_out');

    await victim.service.startSignIn();
    const link = await finishInBrowser(victim.opened.at(-1)!);
    victim.service.cancelSignIn();
    expect(await victim.service.handleDeepLink(link)).toBe('ignored');
    expect(victim.service.getState().status).toBe('signed_out');
  });

  it('ignores a callback that arrives after the attempt expired', async () => {
    let clock = Date.now();
    const { service, opened } = makeService({ now: () => clock });
    await service.startSignIn();
    const link = await finishInBrowser(opened[0]!);
    clock += PENDING_TTL_MS + 1;
    expect(await service.handleDeepLink(link)).toBe('ignored');
  });

  it('reports an expired handoff code as a clear error', async () => {
    const { service, opened } = makeService();
    await service.startSignIn();
    const link = await finishInBrowser(opened[0]!);
    serverClock += 61_000;
    try {
      expect(await service.handleDeepLink(link)).toBe('failed');
    } finally {
      serverClock -= 61_000;
    }
    const state = service.getState();
    expect(state.status === 'signed_out' && state.error?.message).toBe('That sign-in link expired. Try again.');
  });

  it('refreshes silently on a 401, once for many concurrent calls, without tripping reuse detection', async () => {
    const { service, refreshes } = await signedIn();
    serverClock += 61 * 60 * 1000; // the access token is now expired on the server
    try {
      const results = await Promise.all(Array.from({ length: 5 }, () => service.authorized.request('GET', '/v1/me')));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(refreshes()).toBe(1);
      expect((await service.authorized.request('GET', '/v1/me/sessions')).ok).toBe(true);
    } finally {
      serverClock -= 61 * 60 * 1000;
    }
  });

  it('resumes a stored session on the next start', async () => {
    const { secrets } = await signedIn();
    const next = makeService({ secrets });
    await next.service.restore();
    const state = next.service.getState();
    expect(state.status === 'signed_in' && state.user?.name).toBe('Ada Lovelace');
  });

  it('signs out everywhere it should: server session revoked, local secrets wiped', async () => {
    const { service, secrets } = await signedIn();
    const refresh = (await secrets.get())!;
    await service.signOut();
    expect(service.getState().status).toBe('signed_out');
    expect(await secrets.get()).toBeUndefined();
    expect(service.authorized.isSignedIn()).toBe(false);
    const res = await call(env.backend.url, 'POST', '/auth/token', { json: { grant_type: 'refresh_token', refresh_token: refresh } });
    expect(res.status).toBe(401);
  });

  it('still ends the server session when signing out with an expired access token', async () => {
    const { service, secrets } = await signedIn();
    const devices = await service.listDevices();
    const current = devices.ok ? devices.body.find((d) => d.current)!.id : '';
    serverClock += 61 * 60 * 1000;
    try {
      await service.signOut();
      expect(await secrets.get()).toBeUndefined();
      const session = env.backend.deps.db.prepare('SELECT revoked_reason FROM sessions WHERE id = ?').get(current) as { revoked_reason: string };
      expect(session.revoked_reason).toBe('signed_out');
    } finally {
      serverClock -= 61 * 60 * 1000;
    }
  });

  it('ends the local session when it was revoked from another device', async () => {
    const laptop = await signedIn();
    const other = await signedIn();
    const devices = await other.service.listDevices();
    const laptopSession = devices.ok ? devices.body.find((d) => d.deviceName === 'Unit test machine' && !d.current) : undefined;
    expect(laptopSession).toBeDefined();
    // Revoke every other session of this user from `other`, then use `laptop`.
    for (const d of devices.ok ? devices.body.filter((x) => !x.current) : []) expect((await other.service.revokeDevice(d.id)).ok).toBe(true);
    serverClock += 61 * 60 * 1000;
    try {
      const res = await laptop.service.authorized.request('GET', '/v1/me');
      expect(res.ok).toBe(false);
      expect(laptop.service.getState()).toEqual({ status: 'signed_out', error: { code: 'session_ended', message: 'Your session ended. Sign in again.' } });
      expect(await laptop.secrets.get()).toBeUndefined();
    } finally {
      serverClock -= 61 * 60 * 1000;
    }
  });

  it('accepts the terms with the age confirmation and updates the account', async () => {
    const { service } = await signedIn();
    const accepted = await service.updateAccount({ accept_terms: true, age_confirmed: true });
    expect(accepted.ok && accepted.body.termsAcceptedAt).toBeTruthy();
    const renamed = await service.updateAccount({ name: 'Ada' });
    expect(renamed.ok && renamed.body.name).toBe('Ada');
  });
});
