import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { upsertUserFromClaims } from '../src/auth/users.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLedger } from '../src/credits/ledger.ts';
import { reconcileLedger } from '../src/credits/reconcile.ts';

describe('the ledger with several processes on one database', () => {
  it('never spends more than the balance when four connections race holds and captures', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'pp-race-')), 'race.sqlite');
    const db = openDatabase(path);
    const ledger = createLedger(db, Date.now);
    const userId = upsertUserFromClaims(db, { issuer: 'i', subject: 'racer' }, Date.now()).user.id;
    ledger.grant({ userId, amount: 100, key: 'seed', kind: 'purchase', from: 'sales', description: 'seed' });

    const results = await Promise.all(
      [0, 1, 2, 3].map(
        (worker) =>
          new Promise<{ held: number; captured: number; refused: number }>((resolve, reject) => {
            const w = new Worker(new URL('./workers/reserve-worker.ts', import.meta.url), {
              workerData: { path, userId, worker, attempts: 40, amount: 3 },
              execArgv: ['--import', 'tsx'],
            });
            w.once('message', resolve);
            w.once('error', reject);
          }),
      ),
    );
    const spent = results.reduce((n, r) => n + r.captured, 0);
    expect(results.reduce((n, r) => n + r.held + r.refused, 0)).toBe(160);
    expect(results.some((r) => r.refused > 0)).toBe(true);
    const balance = ledger.balance(userId);
    expect(balance.held).toBe(0);
    expect(balance.balance).toBeGreaterThanOrEqual(0);
    // Every credit that left the wallet is one a worker saw captured, and no more than it had.
    expect(100 - balance.balance).toBe(spent);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThanOrEqual(100);
    expect(reconcileLedger(db)).toMatchObject({ ok: true });
    db.close();
  });
});
