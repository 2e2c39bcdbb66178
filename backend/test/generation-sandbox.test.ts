import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/http/logging.ts';
import { startSandbox, type Sandbox } from '../src/sandbox/start.ts';
import { call } from './helpers/backend.ts';
import { fundedUser, generate, waitForFinal } from './helpers/generation.ts';

describe('sandbox mode', () => {
  let sandbox: Sandbox;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pp-sandbox-'));
    sandbox = await startSandbox({ NODE_ENV: 'test', PP_PORT: '0', PP_DATABASE: join(dir, 'sandbox.sqlite') }, createLogger('silent'));
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the fal stand-in and generates labelled placeholder images without any cloud account', async () => {
    expect(sandbox.standIns.map((s) => s.name)).toContain('fal');
    const backend = { ...sandbox.backend, dir, databasePath: '', logs: [], stop: async () => undefined };
    const user = await fundedUser(backend, 20);
    const res = await generate(backend, user.auth, { tool: 'theme/cars', input: { body_style: 'hypercar', aspect_ratio: '16:9' } });
    expect(res.status).toBe(202);
    const done = await waitForFinal(backend, user.auth, res.json.id);
    expect(done.status).toBe('succeeded');
    const image = done.result.images[0];
    expect(image.url.startsWith(sandbox.standIns.find((s) => s.name === 'fal')!.url)).toBe(true);
    const png = Buffer.from(await (await fetch(image.url)).arrayBuffer());
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1024, height: 576 });
    expect((await call(sandbox.backend.url, 'GET', '/health')).json.sandbox).toBe(true);
  });
});
