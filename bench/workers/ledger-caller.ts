import { parentPort, workerData } from 'node:worker_threads';
import { createLedger } from '../../backend/src/credits/ledger.ts';
import { openDatabase } from '../../backend/src/db/database.ts';

// One caller of the ledger benchmark: its own connection (as a separate backend process would
// have), reserving and capturing on its own wallet as fast as it can.
const { path, userId, caller, operations } = workerData as { path: string; userId: string; caller: number; operations: number };
const db = openDatabase(path);
const ledger = createLedger(db, Date.now);
parentPort!.once('message', () => {
  const start = performance.now();
  let busy = 0;
  // SQLite's busy handler is not fair: under 32-way contention a caller can wait past the 5 s
  // busy_timeout. A retry with the same key is safe (idempotent); the count is reported.
  const retrying = <T>(fn: () => T): T => {
    for (;;) {
      try {
        return fn();
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
        busy++;
      }
    }
  };
  for (let i = 0; i < operations; i++) {
    const hold = retrying(() => ledger.reserve({ userId, amount: 3, key: `bench:${caller}:${i}`, purpose: 'bench', ttlMs: 60_000 }));
    retrying(() => ledger.capture({ holdId: hold.id, amount: 2, description: 'bench', metadata: { tool: 'bench' } }));
  }
  const ms = performance.now() - start;
  db.close();
  parentPort!.postMessage({ ms, busy });
});
parentPort!.postMessage('ready');
