import type { Db } from '../db/database.ts';

export interface CreditTransaction {
  id: string;
  kind: string;
  /** Signed, from the user's side: + for credits in, − for credits spent or clawed back. */
  amount: number;
  balance_after: number;
  created_at: string;
  description: string;
  tool?: string;
  generation_id?: string;
  order_id?: string;
  checkout_id?: string;
}

const PAGE = 50;

/** The wallet's entries, newest first, with an opaque cursor for the next page. */
export function listTransactions(
  db: Db,
  userId: string,
  cursor: string | undefined,
  limit = PAGE,
): { items: CreditTransaction[]; next_cursor: string | null } {
  const before = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : Number.MAX_SAFE_INTEGER;
  const rows = db
    .prepare(
      `SELECT e.id AS entry_id, t.id, t.kind, e.amount, e.balance_after, e.created_at, t.description, t.metadata
       FROM ledger_entries e
       JOIN ledger_accounts a ON a.id = e.account_id
       JOIN ledger_transactions t ON t.id = e.transaction_id
       WHERE a.user_id = ? AND e.id < ?
       ORDER BY e.id DESC LIMIT ?`,
    )
    .all(userId, Number.isSafeInteger(before) ? before : 0, limit + 1) as Array<{
    entry_id: number;
    id: string;
    kind: string;
    amount: number;
    balance_after: number;
    created_at: number;
    description: string;
    metadata: string;
  }>;
  const page = rows.slice(0, limit);
  const items = page.map((r) => {
    const meta = JSON.parse(r.metadata) as Record<string, unknown>;
    const item: CreditTransaction = {
      id: r.id,
      kind: r.kind,
      amount: r.amount,
      balance_after: r.balance_after,
      created_at: new Date(r.created_at).toISOString(),
      description: r.description,
    };
    if (typeof meta.tool === 'string') item.tool = meta.tool;
    if (typeof meta.generation_id === 'string') item.generation_id = meta.generation_id;
    if (typeof meta.order_id === 'string') item.order_id = meta.order_id;
    if (typeof meta.checkout_id === 'string') item.checkout_id = meta.checkout_id;
    return item;
  });
  const last = page.at(-1);
  return {
    items,
    next_cursor: rows.length > limit && last ? Buffer.from(String(last.entry_id), 'utf8').toString('base64url') : null,
  };
}
