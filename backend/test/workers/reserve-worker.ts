import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../src/db/database.ts';
import { createLedger, InsufficientCredits } from '../../src/credits/ledger.ts';

// One competing backend process: its own connection to the same SQLite file, racing reserves
// and captures on one wallet.
const { path, userId, worker, attempts, amount } = workerData as { path: string; userId: string; worker: number; attempts: number; amount: number };
const db = openDatabase(path);
const ledger = createLedger(db, Date.now);
let held = 0;
let captured = 0;
let refused = 0;
for (let i = 0; i < attempts; i++) {
  try {
    const hold = ledger.reserve({ userId, amount, key: `w${worker}:${i}`, purpose: 'race', ttlMs: 60_000 });
    held++;
    if (i % 2 === 0) captured += ledger.capture({ holdId: hold.id, amount, description: 'race' }).captured;
    else ledger.release(hold.id, 'race');
  } catch (err) {
    if (!(err instanceof InsufficientCredits)) throw err;
    refused++;
  }
}
db.close();
parentPort!.postMessage({ held, captured, refused });
