import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { upsertUserFromClaims } from '../../src/auth/users.ts';
import { applyOrder, clawbackTarget, type PolarOrder } from '../../src/billing/orders.ts';
import { createLedger, InsufficientCredits } from '../../src/credits/ledger.ts';
import { reconcileLedger } from '../../src/credits/reconcile.ts';
import { openDatabase } from '../../src/db/database.ts';

const PACKS = [
  { id: 'small', product_id: 'prod-small', credits: 100, label: 'Small' },
  { id: 'big', product_id: 'prod-big', credits: 700, label: 'Big' },
];
const PRICES = [500, 3000];

// Polar events about three orders, in any order and any number of times (replays, stale
// refund figures, paid after refunded), interleaved with spending.
type Step =
  | { t: 'paid'; order: number }
  | { t: 'refund'; order: number; cents: number }
  | { t: 'spend'; amount: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ t: fc.constant('paid' as const), order: fc.nat(2) }),
  fc.record({ t: fc.constant('refund' as const), order: fc.nat(2), cents: fc.nat(3200) }),
  fc.record({ t: fc.constant('spend' as const), amount: fc.integer({ min: 1, max: 300 }) }),
);

describe('Polar order events against the ledger, in any order', () => {
  it('grants each order once, claws back by the highest refunded amount seen, and always reconciles', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.array(fc.nat(1), { minLength: 3, maxLength: 3 }), (steps, packOf) => {
        const db = openDatabase(':memory:');
        try {
          const ledger = createLedger(db, () => 0);
          const userId = upsertUserFromClaims(db, { issuer: 'i', subject: 'buyer' }, 0).user.id;
          const deps = { db, ledger, packs: PACKS, now: () => 0 };
          const maxRefunded = [0, 0, 0];
          const seen = [false, false, false];
          let spent = 0;
          let spends = 0;
          const order = (i: number, refunded: number): PolarOrder => {
            const price = PRICES[packOf[i]!]!;
            const r = Math.min(refunded, price);
            return {
              id: `order-${i}`,
              status: r === 0 ? 'paid' : r >= price ? 'refunded' : 'partially_refunded',
              paid: true,
              billing_reason: 'purchase',
              product_id: PACKS[packOf[i]!]!.product_id,
              checkout_id: null,
              net_amount: price,
              total_amount: price,
              refunded_amount: r,
              currency: 'usd',
              metadata: { user_id: userId },
            };
          };
          for (const s of steps) {
            if (s.t === 'spend') {
              try {
                const h = ledger.reserve({ userId, amount: s.amount, key: `spend:${spends++}`, purpose: 'p', ttlMs: 1 });
                spent += ledger.capture({ holdId: h.id, amount: s.amount, description: 'spend' }).captured;
              } catch (err) {
                if (!(err instanceof InsufficientCredits)) throw err;
              }
              continue;
            }
            const o = order(s.order, s.t === 'paid' ? 0 : s.cents);
            applyOrder(deps, o, 'webhook');
            seen[s.order] = true;
            maxRefunded[s.order] = Math.max(maxRefunded[s.order]!, o.refunded_amount);
          }
          expect(reconcileLedger(db)).toMatchObject({ ok: true });
          let granted = 0;
          let clawTarget = 0;
          for (let i = 0; i < 3; i++) {
            if (!seen[i]) continue;
            const credits = PACKS[packOf[i]!]!.credits;
            granted += credits;
            const target = clawbackTarget(credits, maxRefunded[i]!, PRICES[packOf[i]!]!, false);
            clawTarget += target;
            const row = db.prepare('SELECT credits, clawback_credits FROM billing_orders WHERE id = ?').get(`order-${i}`);
            expect(row).toEqual({ credits, clawback_credits: target });
          }
          const grants = db.prepare(`SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'purchase'`).pluck().get();
          expect(grants).toBe(seen.filter(Boolean).length);
          const clawed = db.prepare(`SELECT COALESCE(-SUM(e.amount), 0) FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id WHERE t.kind = 'refund' AND e.account_id <> 'sys_refunds'`).pluck().get() as number;
          const shortfall = db.prepare('SELECT COALESCE(SUM(shortfall_credits), 0) FROM billing_orders').pluck().get() as number;
          // Every credit meant to be clawed back was either taken or recorded as a shortfall.
          expect(clawed + shortfall).toBe(clawTarget);
          expect(ledger.balance(userId).balance).toBe(granted - spent - clawed);
          expect(ledger.balance(userId).balance).toBeGreaterThanOrEqual(0);
        } finally {
          db.close();
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
