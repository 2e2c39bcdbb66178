import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/http/logging.ts';
import { startSandbox } from '../src/sandbox/start.ts';
import { call } from './helpers/backend.ts';
import { appPkce, browserSignIn, freePort, TestBrowser } from './helpers/sign-in-flow.ts';

describe('sandbox mode (npm run dev)', () => {
  it('signs in through the local OpenID stand-in with no Google account', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-sandbox-'));
    const port = await freePort();
    const sink = new Writable({ write: (_c, _e, cb) => cb() });
    const sandbox = await startSandbox({ NODE_ENV: 'development', PP_PORT: String(port), PP_DATABASE: join(dir, 'sandbox.sqlite') }, createLogger('warn', sink));
    try {
      expect(sandbox.standIns.map((s) => s.name)).toContain('Google sign-in');
      const app = appPkce();
      const browser = new TestBrowser();
      // The account picker is clearly labelled as the sandbox.
      const picker = await browser.navigate(`${sandbox.backend.url}/auth/google/start?challenge=${app.challenge}&state=${app.state}`);
      expect(await picker.res.text()).toContain('SANDBOX');
      const page = await browserSignIn(new TestBrowser(), sandbox.backend.url, app, { account: 'sandbox-ada' });
      const token = await call(sandbox.backend.url, 'POST', '/auth/token', {
        json: { grant_type: 'handoff', code: page.deepLink!.searchParams.get('code'), code_verifier: app.verifier },
      });
      expect(token.status).toBe(200);
      expect(token.json.user.email).toBe('ada@example.com');
    } finally {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
