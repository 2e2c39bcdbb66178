import { z } from 'zod';
import type { CreditPack } from '../config.ts';
import type { Ledger } from '../credits/ledger.ts';
import type { Db } from '../db/database.ts';

/**
 * The fields of a Polar order (webhook `data` or `orders.list` item) that money depends on.
 * Loose: Polar adds fields freely; only these are checked.
 */
export const polarOrderSchema = z.looseObject({
  id: z.string().min(1).max(200),
  status: z.string(),
  paid: z.boolean(),
  billing_reason: z.string(),
  product_id: z.string().nullable(),
  checkout_id: z.string().nullable().optional(),
  net_amount: z.number().int().min(0),
  total_amount: z.number().int().min(0),
  refunded_amount: z.number().int().min(0),
  currency: z.string(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  customer: z.looseObject({ external_id: z.string().nullable().optional() }).optional(),
});
export type PolarOrder = z.infer<typeof polarOrderSchema>;

export type OrderOutcome =
  | { state: 'granted'; userId: string; credits: number; granted: boolean; clawedBack: number; shortfall: number }
  | { state: 'unknown_product' | 'unknown_user' | 'not_paid' | 'not_purchase'; reason: string };

interface OrderRow {
  id: string;
  user_id: string | null;
  pack_id: string | null;
  credits: number;
  state: string;
  refunded_amount: number;
  clawback_credits: number;
  shortfall_credits: number;
}

export const grantKey = (orderId: string) => `polar:order:${orderId}:grant`;
export const refundKey = (orderId: string, cumulativeCredits: number) => `polar:order:${orderId}:refund:${cumulativeCredits}`;

const PAID_STATUSES = new Set(['paid', 'refunded', 'partially_refunded']);

/**
 * Credits to have clawed back in total once `refunded` of `paid` cents came back. Rounds down
 * (the customer keeps a part-credit) except that a full refund takes back the whole pack.
 */
export function clawbackTarget(credits: number, refunded: number, paid: number, fullyRefunded: boolean): number {
  if (fullyRefunded || (paid > 0 && refunded >= paid)) return credits;
  if (paid <= 0 || refunded <= 0) return 0;
  return Math.floor((credits * refunded) / paid);
}

/**
 * Applies what Polar says about one order, idempotently and in any order of arrival: a paid
 * one-time purchase of a known pack grants its credits once (key on the order id); a
 * cumulative `refunded_amount` claws back the difference from what was already clawed back
 * (key per cumulative step), recording what the wallet could not cover. A refund that arrives
 * before `order.paid` grants first (a refunded order was paid), so the later `order.paid` is a
 * no-op. Everything runs in one IMMEDIATE transaction, so concurrent deliveries and several
 * backend processes agree.
 */
export function applyOrder(
  deps: { db: Db; ledger: Ledger; packs: CreditPack[]; now: () => number },
  order: PolarOrder,
  source: 'webhook' | 'reconcile',
): OrderOutcome {
  const { db, ledger } = deps;
  return db.transaction((): OrderOutcome => {
    const at = deps.now();
    const existing = db.prepare('SELECT * FROM billing_orders WHERE id = ?').get(order.id) as OrderRow | undefined;
    const record = (state: string, fields: { userId?: string | null; pack?: CreditPack; credits?: number }) => {
      db.prepare(
        `INSERT INTO billing_orders (id, user_id, checkout_id, product_id, pack_id, credits, net_amount, currency, state, source, created_at, updated_at)
         VALUES (@id, @user_id, @checkout_id, @product_id, @pack_id, @credits, @net_amount, @currency, @state, @source, @at, @at)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, user_id = excluded.user_id, pack_id = excluded.pack_id,
           credits = excluded.credits, net_amount = excluded.net_amount, updated_at = excluded.updated_at`,
      ).run({
        id: order.id,
        user_id: fields.userId ?? null,
        checkout_id: order.checkout_id ?? null,
        product_id: order.product_id,
        pack_id: fields.pack?.id ?? null,
        credits: fields.credits ?? 0,
        net_amount: order.net_amount,
        currency: order.currency,
        state,
        source,
        at,
      });
    };
    const refuse = (state: Exclude<OrderOutcome['state'], 'granted'>, reason: string, fields: Parameters<typeof record>[1] = {}): OrderOutcome => {
      // Once granted, an order stays granted: a stale or odd event never undoes a grant.
      if (existing?.state !== 'granted') record(state, fields);
      return { state, reason };
    };

    if (!order.paid && !PAID_STATUSES.has(order.status)) return refuse('not_paid', `order is ${order.status}`);
    if (order.billing_reason !== 'purchase') return refuse('not_purchase', `billing reason ${order.billing_reason}`);

    const pack = existing?.state === 'granted' ? undefined : deps.packs.find((p) => p.product_id === order.product_id);
    const credits = existing?.state === 'granted' ? existing.credits : pack?.credits;
    if (credits === undefined) return refuse('unknown_product', `product ${order.product_id ?? '(none)'} is not a credit pack`);

    const fromMetadata = typeof order.metadata.user_id === 'string' ? order.metadata.user_id : undefined;
    const external = order.customer?.external_id ?? undefined;
    const userId = existing?.user_id ?? fromMetadata ?? external;
    if (!userId) return refuse('unknown_user', 'order names no user', { pack, credits });
    if (fromMetadata && external && fromMetadata !== external) return refuse('unknown_user', 'order metadata and customer disagree on the user', { pack, credits });
    const userExists = db.prepare('SELECT 1 FROM users WHERE id = ?').pluck().get(userId) !== undefined;
    if (!userExists) return refuse('unknown_user', `user ${userId} does not exist`, { pack, credits });

    let granted = false;
    if (existing?.state !== 'granted') {
      granted = ledger.grant({
        userId,
        amount: credits,
        key: grantKey(order.id),
        kind: 'purchase',
        from: 'sales',
        description: `Bought ${pack?.label ?? `${credits} credits`}`,
        metadata: { order_id: order.id, checkout_id: order.checkout_id ?? null, pack_id: pack?.id ?? null, product_id: order.product_id },
      }).applied;
      record('granted', { userId, pack, credits });
    }

    // Refunds: cumulative amounts only grow; an older, smaller figure arriving late changes nothing.
    const row = db.prepare('SELECT * FROM billing_orders WHERE id = ?').get(order.id) as OrderRow;
    const refunded = Math.max(row.refunded_amount, order.refunded_amount);
    const paidCents = order.net_amount > 0 ? order.net_amount : order.total_amount;
    const target = Math.max(row.clawback_credits, clawbackTarget(credits, refunded, paidCents, order.status === 'refunded'));
    let clawedBack = 0;
    let shortfall = 0;
    if (target > row.clawback_credits) {
      const res = ledger.clawBack({
        userId,
        amount: target - row.clawback_credits,
        key: refundKey(order.id, target),
        description: target === credits ? 'Refund: purchase returned' : 'Refund: part of a purchase returned',
        metadata: { order_id: order.id, refunded_amount: refunded, cumulative_credits: target },
      });
      clawedBack = res.clawed;
      shortfall = res.shortfall;
    }
    db.prepare(
      'UPDATE billing_orders SET refunded_amount = ?, clawback_credits = ?, shortfall_credits = shortfall_credits + ?, updated_at = ? WHERE id = ?',
    ).run(refunded, target, shortfall, at, order.id);
    return { state: 'granted', userId, credits, granted, clawedBack, shortfall };
  }).immediate();
}
