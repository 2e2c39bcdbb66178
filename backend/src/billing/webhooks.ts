import { webhooks } from '@polar-sh/sdk/2026-10';
import type { Context } from 'koa';
import type { AppDeps } from '../app.ts';
import { ApiError } from '../http/errors.ts';
import { readRawBody } from '../http/body.ts';
import { applyOrder, polarOrderSchema } from './orders.ts';

const WEBHOOK_BODY_LIMIT = 512 * 1024;
/** Standard Webhooks' replay window: deliveries signed further from now than this are refused. */
export const WEBHOOK_TOLERANCE_S = 300;

const badSignature = (message: string) => new ApiError(401, 'invalid_signature', message);

/**
 * POST /webhooks/polar: verifies the Standard Webhooks signature on the raw bytes (before any
 * parsing), refuses stale timestamps, records the delivery under its `webhook-id` (durably,
 * once), then applies it. Answers 2xx for every verified delivery — duplicates, unknown event
 * types and events we choose to ignore included — and non-2xx only when the signature is bad,
 * so Polar never retries (or disables the endpoint) over something a retry cannot fix.
 */
export async function receivePolarWebhook(ctx: Context, deps: AppDeps, secret: string): Promise<void> {
  const raw = await readRawBody(ctx, WEBHOOK_BODY_LIMIT);
  const headers = {
    'webhook-id': ctx.get('webhook-id'),
    'webhook-timestamp': ctx.get('webhook-timestamp'),
    'webhook-signature': ctx.get('webhook-signature'),
  };
  if (!headers['webhook-id'] || !headers['webhook-timestamp'] || !headers['webhook-signature']) {
    throw badSignature('Missing webhook signature headers.');
  }
  const timestamp = Number(headers['webhook-timestamp']);
  if (!Number.isFinite(timestamp) || Math.abs(deps.now() / 1000 - timestamp) > WEBHOOK_TOLERANCE_S) {
    throw badSignature('The webhook timestamp is too far from now.');
  }

  let type: string;
  let payload: unknown;
  try {
    const event = await webhooks.validateEvent(raw, headers, secret);
    type = event.type;
    payload = event;
  } catch (err) {
    if (err instanceof webhooks.PolarWebhookUnknownTypeError) {
      // Signed correctly, but a type this SDK version does not know: acknowledge and ignore.
      type = String(err.eventType ?? 'unknown');
      payload = null;
    } else if (err instanceof webhooks.PolarWebhookVerificationError) {
      throw badSignature('The webhook signature does not match.');
    } else if (err instanceof webhooks.PolarWebhookError) {
      throw new ApiError(400, 'invalid_webhook', 'The webhook body is not valid JSON.');
    } else {
      throw err;
    }
  }

  const id = headers['webhook-id'].slice(0, 200);
  const inserted = deps.db
    .prepare(
      `INSERT INTO billing_webhook_events (webhook_id, type, payload, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (webhook_id) DO NOTHING`,
    )
    .run(id, type, payload === null ? 'null' : raw.toString('utf8'), deps.now());
  const already = deps.db.prepare('SELECT processed_at FROM billing_webhook_events WHERE webhook_id = ?').pluck().get(id) as number | null;
  ctx.status = 202;
  if (inserted.changes === 0 && already !== null) {
    ctx.body = { received: true, duplicate: true };
    return;
  }
  // Recorded: from here on a failure is ours to retry (background job), never Polar's.
  try {
    processWebhookEvent(deps, id);
  } catch (err) {
    deps.log.error({ err, webhookId: id, type }, 'polar webhook recorded but not yet applied; it will be retried');
  }
  ctx.body = { received: true };
}

/** Applies one recorded delivery and marks it processed. Safe to call again for the same id. */
export function processWebhookEvent(deps: AppDeps, webhookId: string): string {
  const row = deps.db.prepare('SELECT type, payload, processed_at FROM billing_webhook_events WHERE webhook_id = ?').get(webhookId) as
    | { type: string; payload: string; processed_at: number | null }
    | undefined;
  if (!row || row.processed_at !== null) return 'already_processed';
  deps.db.prepare('UPDATE billing_webhook_events SET attempts = attempts + 1 WHERE webhook_id = ?').run(webhookId);
  const outcome = applyEvent(deps, row.type, JSON.parse(row.payload) as unknown);
  deps.db
    .prepare('UPDATE billing_webhook_events SET processed_at = ?, outcome = ? WHERE webhook_id = ? AND processed_at IS NULL')
    .run(deps.now(), outcome, webhookId);
  return outcome;
}

function applyEvent(deps: AppDeps, type: string, payload: unknown): string {
  if (type !== 'order.paid' && type !== 'order.refunded' && type !== 'order.updated') {
    // order.created may still be unpaid, so it never grants; other types are not about credits.
    return `ignored:${type}`;
  }
  const parsed = polarOrderSchema.safeParse((payload as { data?: unknown } | null)?.data);
  if (!parsed.success) {
    deps.log.error({ type, issues: parsed.error.issues.slice(0, 5) }, 'polar order event with an unexpected shape; not applied');
    return 'invalid_order';
  }
  const order = parsed.data;
  const outcome = applyOrder({ db: deps.db, ledger: deps.ledger, packs: deps.config.polar.packs, now: deps.now }, order, 'webhook');
  if (outcome.state === 'granted') {
    deps.log.info({ orderId: order.id, type, granted: outcome.granted, clawedBack: outcome.clawedBack, shortfall: outcome.shortfall }, 'polar order applied');
    if (outcome.shortfall > 0) deps.log.warn({ orderId: order.id, shortfall: outcome.shortfall }, 'refund exceeded the wallet; shortfall recorded');
  } else if (outcome.state === 'unknown_product' || outcome.state === 'unknown_user') {
    deps.log.warn({ orderId: order.id, type, reason: outcome.reason }, `polar order not granted: ${outcome.state}`);
  }
  return outcome.state;
}

/** Retries deliveries that were recorded but not applied (crash, bug) — never more than 10 times. */
export function retryPendingWebhooks(deps: AppDeps, olderThanMs = 30_000): number {
  const ids = deps.db
    .prepare('SELECT webhook_id FROM billing_webhook_events WHERE processed_at IS NULL AND received_at <= ? AND attempts < 10 ORDER BY received_at')
    .pluck()
    .all(deps.now() - olderThanMs) as string[];
  let applied = 0;
  for (const id of ids) {
    try {
      processWebhookEvent(deps, id);
      applied++;
    } catch (err) {
      deps.log.error({ err, webhookId: id }, 'polar webhook retry failed');
    }
  }
  return applied;
}
