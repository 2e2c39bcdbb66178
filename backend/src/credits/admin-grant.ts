import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { Ledger } from './ledger.ts';

export type AdminGrantResult =
  | { ok: true; applied: boolean; userId: string; amount: number; key: string }
  | { ok: false; message: string };

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/**
 * An operator's grant. Promotional grants (a promo code or campaign key) are idempotent per
 * user and code: running the command twice grants once. Plain admin grants get a fresh key
 * unless one is given (so a retried command can pass the same --key).
 */
export function adminGrant(
  db: Db,
  ledger: Ledger,
  input: { user: string; amount: number; reason: string; promo?: string; campaign?: string; key?: string },
): AdminGrantResult {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return { ok: false, message: '--amount must be a positive whole number of credits' };
  if (input.reason.trim() === '' || input.reason.length > 200) return { ok: false, message: '--reason must be 1–200 characters' };
  if (input.promo && input.campaign) return { ok: false, message: 'give either --promo or --campaign, not both' };
  const code = input.promo ?? input.campaign;
  if (code !== undefined && !CODE.test(code)) return { ok: false, message: 'promo codes and campaign keys are letters, digits, _ . - (up to 64)' };
  const userId = db.prepare('SELECT id FROM users WHERE id = ? OR lower(email) = lower(?) ORDER BY id = ? DESC LIMIT 1').pluck().get(input.user, input.user, input.user) as
    | string
    | undefined;
  if (!userId) return { ok: false, message: `no user with id or email ${input.user}` };
  const promotional = code !== undefined;
  const key = promotional ? `promo:${input.promo ? 'code' : 'campaign'}:${code}:${userId}` : `admin:${input.key ?? randomUUID()}`;
  const res = ledger.grant({
    userId,
    amount: input.amount,
    key,
    kind: promotional ? 'promo' : 'admin_grant',
    from: promotional ? 'promo' : 'admin',
    description: input.reason.trim(),
    metadata: promotional ? { [input.promo ? 'promo_code' : 'campaign']: code } : {},
  });
  return { ok: true, applied: res.applied, userId, amount: input.amount, key };
}
