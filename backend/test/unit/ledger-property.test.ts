import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upsertUserFromClaims } from '../../src/auth/users.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createLedger, InsufficientCredits } from '../../src/credits/ledger.ts';
import { reconcileLedger } from '../../src/credits/reconcile.ts';

type Op =
  | { t: 'grant'; user: number; amount: number; key: number }
  | { t: 'reserve'; user: number; amount: number; key: number }
  | { t: 'capture'; hold: number; amount: number }
  | { t: 'release'; hold: number }
  | { t: 'clawback'; user: number; amount: number; key: number }
  | { t: 'sweep'; advance: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('grant' as const), user: fc.nat(2), amount: fc.integer({ min: 1, max: 500 }), key: fc.nat(20) }),
  fc.record({ t: fc.constant('reserve' as const), user: fc.nat(2), amount: fc.integer({ min: 1, max: 300 }), key: fc.nat(30) }),
  fc.record({ t: fc.constant('capture' as const), hold: fc.nat(30), amount: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ t: fc.constant('release' as const), hold: fc.nat(30) }),
  fc.record({ t: fc.constant('clawback' as const), user: fc.nat(2), amount: fc.integer({ min: 1, max: 600 }), key: fc.nat(10) }),
  fc.record({ t: fc.constant('sweep' as const), advance: fc.integer({ min: 0, max: 120_000 }) }),
);

describe('the ledger under random sequences of operations', () => {
  it('never goes negative, every transaction sums to zero, and cached balances equal the entries', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
        const db = openDatabase(':memory:');
        let clock = 0;
        const ledger = createLedger(db, () => clock);
        const users = [0, 1, 2].map((i) => upsertUserFromClaims(db, { issuer: 'i', subject: `s${i}` }, 0).user.id);
        const holds: string[] = [];
        for (const o of ops) {
          try {
            switch (o.t) {
              case 'grant':
                ledger.grant({ userId: users[o.user]!, amount: o.amount, key: `grant:${o.key}`, kind: 'purchase', from: 'sales', description: 'g' });
                break;
              case 'reserve':
                holds.push(ledger.reserve({ userId: users[o.user]!, amount: o.amount, key: `hold:${o.user}:${o.key}:${o.amount}`, purpose: 'p', ttlMs: 60_000 }).id);
                break;
              case 'capture':
                if (holds[o.hold]) ledger.capture({ holdId: holds[o.hold]!, amount: o.amount, description: 'c' });
                break;
              case 'release':
                if (holds[o.hold]) ledger.release(holds[o.hold]!, 'r');
                break;
              case 'clawback':
                ledger.clawBack({ userId: users[o.user]!, amount: o.amount, key: `claw:${o.key}`, description: 'c' });
                break;
              case 'sweep':
                clock += o.advance;
                ledger.sweepExpiredHolds();
                break;
            }
          } catch (err) {
            // Refusals are allowed outcomes; anything else is a bug.
            const allowed = err instanceof InsufficientCredits || /already released|different details/.test(String(err));
            if (!allowed) throw err;
          }
          const report = reconcileLedger(db);
          expect(report.problems).toEqual([]);
          for (const u of users) {
            const b = ledger.balance(u);
            expect(b.balance).toBeGreaterThanOrEqual(0);
            expect(b.available).toBeGreaterThanOrEqual(0);
          }
        }
        db.close();
      }),
      { numRuns: 150 },
    );
  });
});
