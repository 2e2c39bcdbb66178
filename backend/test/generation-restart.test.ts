import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFalStandIn, type FalStandIn } from '../src/sandbox/fal-stand-in.ts';
import { call, startTestBackend, type TestBackend } from './helpers/backend.ts';
import { balance, expectLedgerConsistent, fundedUser, generate, waitFor, waitForFinal } from './helpers/generation.ts';

describe('generations survive a backend restart and several instances', () => {
  let fal: FalStandIn;
  let dir: string;
  beforeAll(async () => {
    fal = await startFalStandIn();
    dir = mkdtempSync(join(tmpdir(), 'pp-restart-'));
  });
  afterAll(async () => {
    await fal.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (databasePath: string) => startTestBackend(fal.env, { databasePath });
  const statusOf = async (b: TestBackend, auth: Record<string, string>, id: string) => (await call(b.url, 'GET', `/v1/generations/${id}`, { headers: auth })).json.status;

  it('a job still running when the backend stops is settled once by the next backend on the same database', async () => {
    const databasePath = join(dir, 'restart.sqlite');
    fal.setBehaviour({ queueMs: 10, runMs: 50, manual: true });
    const first = await start(databasePath);
    const user = await fundedUser(first, 20);
    const res = await generate(first, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'through a restart', aspect_ratio: '4:3', num_images: 3 } });
    await waitFor(async () => (await statusOf(first, user.auth, res.json.id)) === 'running', 'the job to run');
    await first.stop();

    // fal finishes while no backend is watching.
    fal.finish();

    const second = await start(databasePath);
    try {
      const done = await waitForFinal(second, user.auth, res.json.id);
      expect(done).toMatchObject({ status: 'succeeded', cost: 3 });
      expect(done.result.images).toHaveLength(3);
      expect(await balance(second, user.auth)).toEqual({ balance: 17, held: 0, available: 17 });
      const usage = second.deps.db.prepare(`SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'usage' AND metadata LIKE ?`).pluck().get(`%${res.json.id}%`);
      expect(usage).toBe(1);
      expectLedgerConsistent(second);
    } finally {
      await second.stop();
    }
  });

  it('two backends tracking the same database settle each job exactly once', async () => {
    const databasePath = join(dir, 'two.sqlite');
    fal.setBehaviour({ queueMs: 10, runMs: 60 });
    const a = await start(databasePath);
    const b = await start(databasePath);
    try {
      const user = await fundedUser(a, 40);
      const ids: string[] = [];
      for (let i = 0; i < 12; i++) {
        const target = i % 2 === 0 ? a : b;
        const res = await generate(target, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: `twin ${i}`, aspect_ratio: '4:3', num_images: 2 } });
        expect(res.status).toBe(202);
        ids.push(res.json.id);
      }
      for (const id of ids) expect((await waitForFinal(a, user.auth, id)).status).toBe('succeeded');
      expect(await balance(b, user.auth)).toEqual({ balance: 16, held: 0, available: 16 });
      const captures = a.deps.db.prepare(`SELECT COUNT(*) FROM credit_holds WHERE status = 'captured' AND purpose LIKE 'generation:%'`).pluck().get();
      expect(captures).toBe(12);
      expectLedgerConsistent(a);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
