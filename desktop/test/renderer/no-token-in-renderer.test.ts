import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInTestUser } from '../../../backend/test/helpers/backend.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { startGenerationBackend, type GenerationBackend } from '../helpers/generation-backend.ts';

// Session tokens are opaque strings with recognisable prefixes (ppa_ access, ppr_ refresh,
// pph_ handoff). Main keeps them; nothing the renderer can see may contain one.
const TOKEN = /pp[ahr]_[A-Za-z0-9_-]{43}/;

describe('no token ever reaches the renderer', () => {
  let env: GenerationBackend;
  let harness: RendererHarness;
  beforeAll(async () => {
    env = await startGenerationBackend({ credits: 50 });
    const user = await signInTestUser(env.backend, { name: 'Token Watcher' });
    harness = await startRendererHarness({ backendUrl: env.backend.url, session: user });
  });
  afterAll(async () => {
    await harness?.close();
    await env?.stop();
  });

  it('across every IPC answer, event, the DOM and web storage of a signed-in session', async () => {
    const page = await harness.open('main', '#/studio');
    await page.getByRole('banner').getByText('Token Watcher').waitFor();
    // Record every IPC answer and every event main pushes from now on.
    await page.evaluate(() => {
      const w = window as unknown as { __ppInvoke: (n: string, p: unknown) => Promise<unknown>; __ppEmit: (n: string, p: unknown) => void; __seen: string[] };
      w.__seen = [];
      const invoke = w.__ppInvoke;
      w.__ppInvoke = async (n, p) => {
        const res = await invoke(n, p);
        w.__seen.push(JSON.stringify(res));
        return res;
      };
      const emit = w.__ppEmit;
      w.__ppEmit = (n, p) => {
        w.__seen.push(JSON.stringify(p));
        emit(n, p);
      };
    });
    for (const area of ['studio', 'themes', 'gallery', 'credits', 'account', 'privacy', 'preferences', 'add-text']) {
      await page.evaluate((a) => (window.location.hash = `/${a}`), area);
      await page.waitForTimeout(400);
    }
    const pp = await page.evaluate(async () => {
      const api = (window as unknown as { pp: Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>> }).pp;
      const answers = await Promise.all([api.auth!.getState!(), api.account!.get!(), api.credits!.get!(), api.account!.listDevices!(), api.preferences!.get!(), api.studio!.getAccess!()]);
      return JSON.stringify(answers);
    });
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen.join('\n'));
    const dom = await page.content();
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    expect(seen.length).toBeGreaterThan(100);
    expect(pp).toContain('Token Watcher');
    for (const [where, text] of Object.entries({ pp, seen, dom, storage })) expect(TOKEN.test(text), where).toBe(false);
    await page.close();
  });
});
