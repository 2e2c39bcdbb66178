import type { Db } from '../db/database.ts';

export interface ReconciliationReport {
  ok: boolean;
  accounts: number;
  transactions: number;
  problems: string[];
}

/**
 * Proves the ledger is consistent: every transaction sums to zero, every account's cached
 * balance equals the sum of its entries and its last running balance, cached held equals its
 * pending holds, and no wallet is below zero.
 */
export function reconcileLedger(db: Db): ReconciliationReport {
  const problems: string[] = [];
  const unbalanced = db
    .prepare('SELECT transaction_id AS id, SUM(amount) AS total FROM ledger_entries GROUP BY transaction_id HAVING SUM(amount) <> 0')
    .all() as Array<{ id: string; total: number }>;
  for (const t of unbalanced) problems.push(`transaction ${t.id} sums to ${t.total}, not 0`);

  const accounts = db
    .prepare(
      `SELECT a.id, a.kind, a.balance, a.held,
         COALESCE((SELECT SUM(amount) FROM ledger_entries e WHERE e.account_id = a.id), 0) AS summed,
         (SELECT balance_after FROM ledger_entries e WHERE e.account_id = a.id ORDER BY e.id DESC LIMIT 1) AS last_after,
         COALESCE((SELECT SUM(amount) FROM credit_holds h WHERE h.account_id = a.id AND h.status = 'pending'), 0) AS pending
       FROM ledger_accounts a`,
    )
    .all() as Array<{ id: string; kind: string; balance: number; held: number; summed: number; last_after: number | null; pending: number }>;
  for (const a of accounts) {
    if (a.balance !== a.summed) problems.push(`account ${a.id}: cached balance ${a.balance} ≠ sum of entries ${a.summed}`);
    if (a.last_after !== null && a.last_after !== a.balance) problems.push(`account ${a.id}: last balance_after ${a.last_after} ≠ balance ${a.balance}`);
    if (a.held !== a.pending) problems.push(`account ${a.id}: cached held ${a.held} ≠ pending holds ${a.pending}`);
    if (a.kind === 'user' && (a.balance < 0 || a.balance - a.held < 0)) problems.push(`wallet ${a.id} is below zero`);
  }
  const transactions = db.prepare('SELECT COUNT(*) FROM ledger_transactions').pluck().get() as number;
  return { ok: problems.length === 0, accounts: accounts.length, transactions, problems };
}
