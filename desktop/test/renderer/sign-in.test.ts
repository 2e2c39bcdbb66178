import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../backend/test/helpers/backend.ts';
import { appPkce, browserSignIn, startSignInBackend, TestBrowser } from '../../../backend/test/helpers/sign-in-flow.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { finishSignInInBrowser, signInLinkFromBrowser } from '../harness/sign-in.ts';

describe('signing in from the app, in Chromium with the real main handlers, backend and OpenID stand-in', () => {
  let env: Awaited<ReturnType<typeof startSignInBackend>>;
  let harness: RendererHarness;
  let serverClock = Date.now();
  beforeAll(async () => {
    env = await startSignInBackend({ now: () => serverClock });
    harness = await startRendererHarness({ backendUrl: env.backend.url });
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  it('starts in the browser, waits with cancel and retry, and goes back to the Google button on cancel', async () => {
    const page = await harness.open('main', '#/studio');
    await page.getByRole('banner').getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor();
    const opened = harness.openedExternally.length;
    expect(harness.openedExternally.at(-1)).toContain(`${env.backend.url}/auth/google/start?challenge=`);
    await page.getByRole('button', { name: 'Open the browser again' }).click();
    await expect.poll(() => harness.openedExternally.length).toBe(opened + 1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Sign in with Google' }).waitFor();
    await page.close();
  });

  it('says clearly when the sign-in link expired, and offers the Google button again', async () => {
    const page = await harness.open('main', '#/account');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    const link = await signInLinkFromBrowser(harness, env.backend.url);
    serverClock += 61_000;
    try {
      expect(await harness.auth.handleDeepLink(link)).toBe('failed');
    } finally {
      serverClock -= 61_000;
    }
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('That sign-in link expired. Try again.');
    expect(await page.getByRole('button', { name: 'Sign in with Google' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('signs in through the browser, asks for terms and age, then shows the account menu', async () => {
    const page = await harness.open('main', '#/account');
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor();
    expect(await finishSignInInBrowser(harness, env.backend.url, 'sandbox-grace')).toBe('signed_in');

    const dialog = page.getByRole('dialog', { name: 'Before you start' });
    await dialog.waitFor();
    const accept = dialog.getByRole('button', { name: 'Accept and continue' });
    expect(await accept.isDisabled()).toBe(true);
    await dialog.getByLabel('I am 13 years old or older').check();
    expect(await accept.isDisabled()).toBe(true);
    await dialog.getByLabel('I accept the Terms of Service and the Privacy Policy').check();
    await accept.click();
    await dialog.waitFor({ state: 'detached' });

    const slot = page.locator('[data-slot="account"]');
    await expect.poll(() => slot.textContent()).toContain('Grace Hopper');
    await slot.click();
    const menu = page.getByRole('menu', { name: 'Account' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Account', 'Devices', 'Sign out']);
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText(/Terms accepted on/).count()).toBe(1);
    await page.close();
  });

  it('lists devices and signs another one out', async () => {
    const page = await harness.open('main', '#/account/devices');
    // A second device of the same user, signed in through its own real flow.
    const app = appPkce();
    const link = (await browserSignIn(new TestBrowser(), env.backend.url, app, { account: 'sandbox-grace' })).deepLink!;
    const tokens = await call(env.backend.url, 'POST', '/auth/token', {
      json: { grant_type: 'handoff', code: link.searchParams.get('code'), code_verifier: app.verifier, device_name: 'Old laptop' },
    });
    await page.reload();
    const list = page.getByRole('list', { name: 'Signed-in devices' });
    await list.getByText('Old laptop').waitFor();
    expect(await list.getByText('This device').count()).toBe(1);
    await list.getByRole('button', { name: 'Sign out Old laptop' }).click();
    await list.getByRole('button', { name: 'Sign out', exact: true }).click();
    await list.getByText('Old laptop').waitFor({ state: 'detached' });
    const me = await call(env.backend.url, 'GET', '/v1/me', { headers: { authorization: `Bearer ${tokens.json.access_token}` } });
    expect(me.status).toBe(401);
    await page.close();
  });

  it('signs out from the account menu and keeps Add Text usable signed out', async () => {
    const page = await harness.open('main', '#/add-text');
    const slot = page.locator('[data-slot="account"]');
    await slot.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect.poll(() => slot.textContent()).toBe('Sign in');
    expect(harness.auth.authorized.isSignedIn()).toBe(false);
    expect(await page.locator('.header-title').textContent()).toBe('Add Text');
    expect(await page.getByRole('button', { name: 'Sign in with Google' }).count()).toBe(0);
    expect(harness.foreignRequests).toEqual([]);
    await page.close();
  });

  // Last: the fake clock belongs to the whole browser context, so no test may run after it.
  it('stops waiting when the attempt runs out, and says so', async () => {
    const page = await harness.open('main', '#/account');
    await page.clock.install();
    await page.getByRole('button', { name: 'Sign in with Google' }).click();
    await page.getByRole('heading', { name: 'Finish signing in in your browser' }).waitFor();
    await page.clock.fastForward('10:01');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('The sign-in took too long and was stopped. Try again.');
    expect(harness.auth.getState().status).toBe('signed_out');
    await page.close();
  });
});
