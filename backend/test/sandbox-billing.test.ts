import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../src/http/logging.ts';
import { startSandbox, type Sandbox } from '../src/sandbox/start.ts';
import { call, signInTestUser } from './helpers/backend.ts';

describe('sandbox mode with the Polar stand-in', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pp-sandbox-'));
    const quiet = new Writable({ write: (_c, _e, cb) => cb() });
    sandbox = await startSandbox({ NODE_ENV: 'test', PP_PORT: '0', PP_DATABASE: join(dir, 's.sqlite') }, createLogger('warn', quiet));
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the Polar stand-in and points billing at it', async () => {
    expect(sandbox.standIns.map((s) => s.name)).toContain('Polar');
    const packs = await call(sandbox.backend.url, 'GET', '/v1/billing/packs');
    expect(packs.status).toBe(200);
    expect(packs.json[0]).toMatchObject({ id: 'starter', credits: 100, price: { amount: 500, currency: 'usd' } });
    const user = await signInTestUser(sandbox.backend);
    const checkout = await call(sandbox.backend.url, 'POST', '/v1/billing/checkout', { headers: user.auth, json: { pack_id: 'studio' } });
    expect(checkout.status).toBe(201);
    const page = await fetch(checkout.json.url).then((r) => r.text());
    expect(page).toContain('SANDBOX');
    expect(page).toContain('Studio — 2,000 credits');
  });
});
