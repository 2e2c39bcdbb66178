import type { Db } from '../db/database.ts';
import { ApiError } from '../http/errors.ts';
import { newId } from '../auth/tokens.ts';

/** System accounts: where credits come from and go to. Their balances may be negative. */
export const SYSTEM_ACCOUNTS = ['sales', 'usage', 'signup', 'promo', 'admin', 'refunds'] as const;
export type SystemAccount = (typeof SYSTEM_ACCOUNTS)[number];

export type TransactionKind = 'signup' | 'purchase' | 'usage' | 'refund' | 'promo' | 'admin_grant' | 'admin_debit';

export interface Balance {
  balance: number;
  held: number;
  available: number;
}

export interface HoldRow {
  id: string;
  account_id: string;
  amount: number;
  status: 'pending' | 'captured' | 'released';
  idempotency_key: string;
  purpose: string;
  created_at: number;
  expires_at: number;
  settled_at: number | null;
  captured_amount: number | null;
  release_reason: string | null;
}

interface AccountRow {
  id: string;
  kind: 'user' | 'system';
  user_id: string | null;
  balance: number;
  held: number;
}

export class InsufficientCredits extends ApiError {
  constructor(needed: number, available: number) {
    super(402, 'insufficient_credits', `This needs ${needed} credits; you have ${available} available. Buy more credits to continue.`, {
      needed,
      available,
    });
  }
}

const assertCredits = (amount: number, what: string) => {
  if (!Number.isSafeInteger(amount) || amount <= 0) throw new Error(`${what} must be a positive whole number of credits, got ${amount}`);
};

/**
 * The credits ledger: integer credits, double-entry (every transaction's entries sum to zero),
 * append-only, every transaction and hold carrying a unique idempotency key so a retry is a
 * no-op. Cached balance and held amounts on the account row are guarded by CHECKs so a wallet
 * can never go below zero. Every write runs in one IMMEDIATE transaction, so several backend
 * processes on one database stay correct.
 */
export function createLedger(db: Db, now: () => number) {
  const systemId = (name: SystemAccount) => `sys_${name}`;

  const insertAccount = db.prepare(
    `INSERT INTO ledger_accounts (id, kind, user_id, balance, held, created_at) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT DO NOTHING`,
  );
  for (const name of SYSTEM_ACCOUNTS) insertAccount.run(systemId(name), 'system', null, 0);

  const selectWallet = db.prepare('SELECT * FROM ledger_accounts WHERE user_id = ?');
  const selectAccount = db.prepare('SELECT * FROM ledger_accounts WHERE id = ?');
  const selectTxByKey = db.prepare('SELECT id FROM ledger_transactions WHERE idempotency_key = ?').pluck();
  const insertTx = db.prepare(
    `INSERT INTO ledger_transactions (id, idempotency_key, kind, description, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const moveBalance = db.prepare('UPDATE ledger_accounts SET balance = balance + ? WHERE id = ? RETURNING balance').pluck();
  const insertEntry = db.prepare(
    'INSERT INTO ledger_entries (transaction_id, account_id, amount, balance_after, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectHoldByKey = db.prepare('SELECT * FROM credit_holds WHERE idempotency_key = ?');
  const selectHold = db.prepare('SELECT * FROM credit_holds WHERE id = ?');

  function walletId(userId: string): string {
    const existing = selectWallet.get(userId) as AccountRow | undefined;
    if (existing) return existing.id;
    const id = newId('acc');
    insertAccount.run(id, 'user', userId, now());
    return (selectWallet.get(userId) as AccountRow).id;
  }

  /** Posts one balanced transaction unless its key was used before. Must run inside a db transaction. */
  function post(
    key: string,
    kind: TransactionKind,
    description: string,
    metadata: Record<string, unknown>,
    legs: Array<{ account: string; amount: number }>,
  ): { transactionId: string; applied: boolean } {
    const existing = selectTxByKey.get(key) as string | undefined;
    if (existing) return { transactionId: existing, applied: false };
    if (legs.reduce((sum, l) => sum + l.amount, 0) !== 0) throw new Error('ledger transaction does not balance');
    const id = newId('txn');
    const at = now();
    insertTx.run(id, key, kind, description, JSON.stringify(metadata), at);
    for (const leg of legs) {
      if (leg.amount === 0) continue;
      const balanceAfter = moveBalance.get(leg.amount, leg.account) as number;
      insertEntry.run(id, leg.account, leg.amount, balanceAfter, at);
    }
    return { transactionId: id, applied: true };
  }

  function balanceOf(userId: string): Balance {
    const row = selectWallet.get(userId) as AccountRow | undefined;
    const balance = row?.balance ?? 0;
    const held = row?.held ?? 0;
    return { balance, held, available: balance - held };
  }

  /** Adds credits to a wallet from a system account (purchase, signup, promo, admin). */
  function grant(input: {
    userId: string;
    amount: number;
    key: string;
    kind: Extract<TransactionKind, 'signup' | 'purchase' | 'promo' | 'admin_grant'>;
    from: SystemAccount;
    description: string;
    metadata?: Record<string, unknown>;
  }): { transactionId: string; applied: boolean } {
    assertCredits(input.amount, 'a grant');
    return db.transaction(() =>
      post(input.key, input.kind, input.description, input.metadata ?? {}, [
        { account: systemId(input.from), amount: -input.amount },
        { account: walletId(input.userId), amount: input.amount },
      ]),
    ).immediate();
  }

  /**
   * Sets credits aside for work that may cost up to `amount`. Refused (402) when the wallet's
   * available balance is short; the same key answers the same hold.
   */
  function reserve(input: { userId: string; amount: number; key: string; purpose: string; ttlMs: number }): HoldRow {
    assertCredits(input.amount, 'a hold');
    return db.transaction(() => {
      const existing = selectHoldByKey.get(input.key) as HoldRow | undefined;
      if (existing) {
        if (existing.amount !== input.amount || existing.purpose !== input.purpose) {
          throw new ApiError(409, 'conflict', 'That request was already made with different details.');
        }
        return existing;
      }
      const account = walletId(input.userId);
      const guarded = db
        .prepare('UPDATE ledger_accounts SET held = held + ? WHERE id = ? AND balance - held >= ?')
        .run(input.amount, account, input.amount);
      if (guarded.changes !== 1) {
        const { available } = balanceOf(input.userId);
        throw new InsufficientCredits(input.amount, available);
      }
      const id = newId('hld');
      const at = now();
      db.prepare(
        `INSERT INTO credit_holds (id, account_id, amount, status, idempotency_key, purpose, created_at, expires_at)
         VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)`,
      ).run(id, account, input.amount, input.key, input.purpose, at, at + input.ttlMs);
      return selectHold.get(id) as HoldRow;
    }).immediate();
  }

  /**
   * Settles a hold by charging `amount` (never more than was held) and releasing the rest.
   * Compare-and-set on status: capturing twice charges once; a released hold cannot be captured.
   */
  function capture(input: {
    holdId: string;
    amount: number;
    description: string;
    metadata?: Record<string, unknown>;
  }): { captured: number; applied: boolean } {
    if (!Number.isSafeInteger(input.amount) || input.amount < 0) throw new Error(`capture amount must be a whole number ≥ 0, got ${input.amount}`);
    return db.transaction(() => {
      const hold = selectHold.get(input.holdId) as HoldRow | undefined;
      if (!hold) throw new Error(`unknown hold ${input.holdId}`);
      if (hold.status === 'captured') return { captured: hold.captured_amount ?? 0, applied: false };
      if (hold.status === 'released') throw new Error(`hold ${hold.id} was already released (${hold.release_reason ?? 'no reason'})`);
      const captured = Math.min(input.amount, hold.amount);
      const claimed = db
        .prepare(`UPDATE credit_holds SET status = 'captured', captured_amount = ?, settled_at = ? WHERE id = ? AND status = 'pending'`)
        .run(captured, now(), hold.id);
      if (claimed.changes !== 1) throw new Error(`hold ${hold.id} changed while capturing`);
      db.prepare('UPDATE ledger_accounts SET held = held - ? WHERE id = ?').run(hold.amount, hold.account_id);
      if (captured > 0) {
        post(`hold:${hold.id}:capture`, 'usage', input.description, { ...input.metadata, hold_id: hold.id, purpose: hold.purpose }, [
          { account: hold.account_id, amount: -captured },
          { account: systemId('usage'), amount: captured },
        ]);
      }
      return { captured, applied: true };
    }).immediate();
  }

  /** Gives held credits back (failure, cancel, expiry). Idempotent; a captured hold stays captured. */
  function release(holdId: string, reason: string): { applied: boolean } {
    return db.transaction(() => {
      const hold = selectHold.get(holdId) as HoldRow | undefined;
      if (!hold) throw new Error(`unknown hold ${holdId}`);
      const claimed = db
        .prepare(`UPDATE credit_holds SET status = 'released', release_reason = ?, settled_at = ? WHERE id = ? AND status = 'pending'`)
        .run(reason, now(), holdId);
      if (claimed.changes !== 1) return { applied: false };
      db.prepare('UPDATE ledger_accounts SET held = held - ? WHERE id = ?').run(hold.amount, hold.account_id);
      return { applied: true };
    }).immediate();
  }

  /**
   * Takes credits back after a refund, as far as the wallet allows. What could not be taken
   * (already spent) is recorded in the transaction's metadata as a shortfall, not hidden.
   */
  function clawBack(input: {
    userId: string;
    amount: number;
    key: string;
    description: string;
    metadata?: Record<string, unknown>;
  }): { clawed: number; shortfall: number; applied: boolean } {
    assertCredits(input.amount, 'a claw-back');
    return db.transaction(() => {
      const existing = selectTxByKey.get(input.key) as string | undefined;
      if (existing) {
        const meta = JSON.parse(db.prepare('SELECT metadata FROM ledger_transactions WHERE id = ?').pluck().get(existing) as string) as {
          clawed?: number;
          shortfall?: number;
        };
        return { clawed: meta.clawed ?? 0, shortfall: meta.shortfall ?? 0, applied: false };
      }
      const account = walletId(input.userId);
      const row = selectAccount.get(account) as AccountRow;
      const clawed = Math.max(0, Math.min(input.amount, row.balance - row.held));
      const shortfall = input.amount - clawed;
      const legs = clawed > 0 ? [{ account, amount: -clawed }, { account: systemId('refunds'), amount: clawed }] : [];
      post(input.key, 'refund', input.description, { ...input.metadata, requested: input.amount, clawed, shortfall }, legs);
      return { clawed, shortfall, applied: true };
    }).immediate();
  }

  /** Releases holds whose work never settled (a crash mid-generation must not lock credits). */
  function sweepExpiredHolds(): number {
    const stale = db.prepare(`SELECT id FROM credit_holds WHERE status = 'pending' AND expires_at <= ?`).pluck().all(now()) as string[];
    let released = 0;
    for (const id of stale) if (release(id, 'expired').applied) released++;
    return released;
  }

  return {
    walletId: (userId: string) => db.transaction(() => walletId(userId)).immediate(),
    balance: balanceOf,
    grant,
    reserve,
    capture,
    release,
    clawBack,
    sweepExpiredHolds,
    hold: (holdId: string) => selectHold.get(holdId) as HoldRow | undefined,
  };
}

export type Ledger = ReturnType<typeof createLedger>;
