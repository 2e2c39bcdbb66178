import type { Config } from '../config.ts';
import type { Ledger } from '../credits/ledger.ts';
import type { Db } from '../db/database.ts';
import { applyOrder, polarOrderSchema } from './orders.ts';
import type { PolarApi } from './polar.ts';

export interface OrderReconciliation {
  checked: number;
  /** Orders the webhooks had missed and that were granted now. */
  granted: string[];
  /** Orders whose refunds were applied now. */
  refunded: string[];
  /** Orders not granted, with why (unknown product, unknown user, …). */
  skipped: Array<{ id: string; state: string; reason: string }>;
}

/**
 * Lists paid one-time orders from Polar since `since` and applies each exactly as the webhook
 * path would (same function, same idempotency keys): anything a lost webhook missed is granted
 * (or clawed back) now, and everything already applied is a no-op.
 */
export async function reconcilePolarOrders(
  deps: { db: Db; ledger: Ledger; config: Config; now: () => number },
  polar: PolarApi,
  since: Date,
): Promise<OrderReconciliation> {
  const report: OrderReconciliation = { checked: 0, granted: [], refunded: [], skipped: [] };
  const orders = polar.orders.iterList({
    created_after: since.toISOString(),
    status: ['paid', 'partially_refunded', 'refunded'],
    product_billing_type: 'one_time',
    limit: 100,
  });
  for await (const raw of orders) {
    report.checked++;
    const parsed = polarOrderSchema.safeParse(raw);
    if (!parsed.success) {
      report.skipped.push({ id: String((raw as { id?: unknown }).id), state: 'invalid_order', reason: parsed.error.issues[0]?.message ?? 'unexpected shape' });
      continue;
    }
    const outcome = applyOrder({ db: deps.db, ledger: deps.ledger, packs: deps.config.polar.packs, now: deps.now }, parsed.data, 'reconcile');
    if (outcome.state !== 'granted') report.skipped.push({ id: parsed.data.id, state: outcome.state, reason: outcome.reason });
    else {
      if (outcome.granted) report.granted.push(parsed.data.id);
      if (outcome.clawedBack > 0 || outcome.shortfall > 0) report.refunded.push(parsed.data.id);
    }
  }
  return report;
}
