import type { Db } from '../db/database.ts';

/**
 * Every place that holds data about a person, with how to export it and how to erase it.
 * Export and erasure walk this list; a test fails when a table with a user_id column is
 * missing from it, so new features cannot forget the user's rights.
 */
export interface PersonalDataSource {
  /** Section name in the export document. */
  name: string;
  /** Tables this source answers for (checked against the schema by the tests). */
  tables: string[];
  export(db: Db, userId: string): unknown;
  /** Runs inside the erasure transaction, before the users row is deleted. */
  erase(db: Db, userId: string, now: number): void;
}

const rows = (db: Db, sql: string, userId: string) => db.prepare(sql).all(userId);

export const personalDataSources: PersonalDataSource[] = [
  {
    name: 'account',
    tables: ['users'],
    export: (db, userId) => {
      const u = db
        .prepare(
          'SELECT id, email, email_verified, contact_email, name, avatar_url, created_at, updated_at, terms_accepted_at, age_confirmed_at, consents FROM users WHERE id = ?',
        )
        .get(userId) as Record<string, unknown> | undefined;
      return u ? { ...u, consents: JSON.parse(String(u.consents)) } : null;
    },
    erase: () => undefined, // the users row itself is deleted last, by eraseAccount
  },
  {
    name: 'sessions',
    tables: ['sessions', 'refresh_tokens'],
    // Device names and times; token hashes are secrets of the service, not data about the person.
    export: (db, userId) =>
      rows(db, 'SELECT id, device_name, created_at, last_used_at, revoked_at, revoked_reason FROM sessions WHERE user_id = ? ORDER BY created_at', userId),
    erase: (db, userId) => {
      db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'sign_in_codes',
    tables: ['handoff_codes'],
    // One-time codes live 60 seconds; only when they were made is data about the person.
    export: (db, userId) => rows(db, 'SELECT created_at, expires_at, used_at FROM handoff_codes WHERE user_id = ?', userId),
    erase: (db, userId) => {
      db.prepare('DELETE FROM handoff_codes WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'credits',
    tables: ['ledger_accounts'],
    export: (db, userId) => ({
      wallet: db.prepare('SELECT balance, held, created_at FROM ledger_accounts WHERE user_id = ?').get(userId) ?? null,
      transactions: rows(
        db,
        `SELECT t.id, t.kind, e.amount, e.balance_after, t.description, t.metadata, e.created_at
         FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id JOIN ledger_transactions t ON t.id = e.transaction_id
         WHERE a.user_id = ? ORDER BY e.id`,
        userId,
      ),
      holds: rows(
        db,
        `SELECT h.id, h.amount, h.status, h.purpose, h.created_at, h.settled_at, h.captured_amount
         FROM credit_holds h JOIN ledger_accounts a ON a.id = h.account_id WHERE a.user_id = ? ORDER BY h.created_at`,
        userId,
      ),
    }),
    // Transaction records are kept for tax law; the wallet is unlinked from the person (the
    // foreign key sets user_id to NULL when the users row goes). Pending holds are released.
    erase: (db, userId, now) => {
      db.prepare(
        `UPDATE credit_holds SET status = 'released', release_reason = 'account erased', settled_at = ?
         WHERE status = 'pending' AND account_id IN (SELECT id FROM ledger_accounts WHERE user_id = ?)`,
      ).run(now, userId);
      db.prepare('UPDATE ledger_accounts SET held = 0 WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'support_messages',
    tables: ['support_messages'],
    export: (db, userId) => rows(db, 'SELECT id, name, email, subject, message, created_at FROM support_messages WHERE user_id = ?', userId),
    erase: (db, userId) => {
      db.prepare('DELETE FROM support_messages WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'prompt_logs',
    tables: ['prompt_logs'],
    export: (db, userId) => rows(db, 'SELECT tool, prompt, params, created_at FROM prompt_logs WHERE user_id = ? ORDER BY id', userId),
    erase: (db, userId) => {
      db.prepare('DELETE FROM prompt_logs WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'generations',
    tables: ['generations', 'idempotency_keys'],
    // What was made and what it cost; prompts are never stored, images never kept.
    export: (db, userId) =>
      rows(db, 'SELECT id, tool, status, cost, charged, error_code, created_at, finished_at FROM generations WHERE user_id = ? ORDER BY created_at', userId),
    // Running jobs end with the account: their holds are released by the credits source above.
    erase: (db, userId) => {
      db.prepare('DELETE FROM generations WHERE user_id = ?').run(userId);
      db.prepare('DELETE FROM idempotency_keys WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'purchases',
    tables: ['billing_checkouts', 'billing_orders'],
    export: (db, userId) => ({
      checkouts: rows(db, 'SELECT id, pack_id, credits, created_at FROM billing_checkouts WHERE user_id = ? ORDER BY created_at', userId),
      orders: rows(
        db,
        'SELECT id, checkout_id, pack_id, credits, net_amount, currency, state, refunded_amount, clawback_credits, shortfall_credits, created_at FROM billing_orders WHERE user_id = ? ORDER BY created_at',
        userId,
      ),
    }),
    // Orders are transaction records (kept for tax law; the foreign key unlinks them when the
    // user goes). Checkouts are not, and Polar's webhook payloads name the customer (email,
    // external id): both are deleted.
    erase: (db, userId) => {
      db.prepare('DELETE FROM billing_checkouts WHERE user_id = ?').run(userId);
      db.prepare('DELETE FROM billing_webhook_events WHERE processed_at IS NOT NULL AND instr(payload, ?) > 0').run(userId);
    },
  },
  {
    name: 'uploads',
    tables: ['uploads'],
    // Only images waiting to be processed (at most an hour); the bytes themselves are at fal.
    export: (db, userId) => rows(db, 'SELECT id, content_type, width, height, byte_size, created_at, expires_at FROM uploads WHERE user_id = ? ORDER BY created_at', userId),
    erase: (db, userId) => {
      db.prepare('DELETE FROM uploads WHERE user_id = ?').run(userId);
    },
  },
  {
    name: 'characters',
    tables: ['characters'],
    // What was trained and what it cost. The photos are never stored; the trigger word and the
    // weights' URL are service internals that only work with this account's characters.
    export: (db, userId) =>
      rows(db, 'SELECT id, name, type, status, photo_count, cost, charged, error_code, created_at, finished_at FROM characters WHERE user_id = ? ORDER BY created_at', userId),
    // Trainings still running end with the account: their holds are released by the credits source.
    erase: (db, userId) => {
      db.prepare('DELETE FROM characters WHERE user_id = ?').run(userId);
    },
  },
];

/** Tables that reference a user but are covered by the sources above in another way. */
export const UNLINKED_ON_ERASURE = new Set(['ledger_accounts']);
