import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { upsertUserFromClaims } from '../backend/src/auth/users.ts';
import { createLedger } from '../backend/src/credits/ledger.ts';
import { reconcileLedger } from '../backend/src/credits/reconcile.ts';
import { openDatabase } from '../backend/src/db/database.ts';

const CALLERS = 32;
const OPS_PER_CALLER = 300;
const RAW_INSERTS = 20_000;

/**
 * reserve+capture throughput with 32 concurrent callers (worker threads, one SQLite connection
 * each, as separate backend processes would be), beside a raw better-sqlite3 loop of
 * single-row insert transactions on the same machine and file system. The ratio is the figure.
 */
export async function ledgerThroughput(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-ledger-'));
  try {
    const raw = rawInsertRate(join(dir, 'raw.sqlite'));
    const path = join(dir, 'ledger.sqlite');
    const db = openDatabase(path);
    const ledger = createLedger(db, Date.now);
    const users = Array.from({ length: CALLERS }, (_, i) => {
      const id = upsertUserFromClaims(db, { issuer: 'bench', subject: `caller-${i}` }, Date.now()).user.id;
      ledger.grant({ userId: id, amount: OPS_PER_CALLER * 3, key: `bench-seed:${i}`, kind: 'promo', from: 'promo', description: 'bench' });
      return id;
    });
    const workers = users.map(
      (userId, caller) =>
        new Worker(new URL('./workers/ledger-caller.ts', import.meta.url), {
          workerData: { path, userId, caller, operations: OPS_PER_CALLER },
          execArgv: ['--import', 'tsx'],
        }),
    );
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
    const start = performance.now();
    let busy = 0;
    const done = workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', (m: { busy: number }) => {
            busy += m.busy;
            resolve();
          });
          w.once('error', reject);
        }),
    );
    for (const w of workers) w.postMessage('go');
    await Promise.all(done);
    const seconds = (performance.now() - start) / 1000;
    const ops = CALLERS * OPS_PER_CALLER;
    const report = reconcileLedger(db);
    // The same work from one connection (one backend process): what lock hand-offs cost above.
    const soloStart = performance.now();
    for (let i = 0; i < OPS_PER_CALLER * 4; i++) {
      const hold = ledger.reserve({ userId: users[0]!, amount: 1, key: `solo:${i}`, purpose: 'bench', ttlMs: 60_000 });
      ledger.capture({ holdId: hold.id, amount: 0, description: 'bench' });
    }
    const soloRate = (OPS_PER_CALLER * 4) / ((performance.now() - soloStart) / 1000);
    db.close();
    const ledgerRate = ops / seconds;
    return [
      `${CALLERS} concurrent callers (worker threads, own connection each), ${OPS_PER_CALLER} reserve+capture pairs each, WAL, synchronous=NORMAL.`,
      '',
      '| measurement | operations | per second |',
      '| --- | ---: | ---: |',
      `| reserve+capture (2 IMMEDIATE transactions, ledger entries, CHECKs) | ${ops} | ${Math.round(ledgerRate)} |`,
      `| reserve+capture, one connection, one caller | ${OPS_PER_CALLER * 4} | ${Math.round(soloRate)} |`,
      `| raw better-sqlite3 single-row insert transactions, one connection | ${RAW_INSERTS} | ${Math.round(raw)} |`,
      '',
      `Ratio: one reserve+capture costs about ${(raw / ledgerRate).toFixed(1)} raw insert transactions. Ledger reconciles afterwards: ${report.ok ? 'yes' : `NO — ${report.problems[0]}`}. SQLITE_BUSY retries past the 5 s busy timeout: ${busy}.`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rawInsertRate(path: string): number {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE, v INTEGER NOT NULL)');
  const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  const one = db.transaction((i: number) => insert.run(`k${i}`, i));
  const start = performance.now();
  for (let i = 0; i < RAW_INSERTS; i++) one.immediate(i);
  const rate = RAW_INSERTS / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}
