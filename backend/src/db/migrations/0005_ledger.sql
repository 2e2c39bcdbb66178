-- Double-entry credits ledger (notes/credits-ledger.md). Credits are integers.
-- Accounts: one wallet per user plus system accounts (sales, usage, signup, promo, …).
CREATE TABLE ledger_accounts (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('user', 'system')),
  -- Erasure sets this to NULL: the rows stay for tax law but no longer name a person.
  user_id TEXT UNIQUE REFERENCES users (id) ON DELETE SET NULL,
  balance INTEGER NOT NULL DEFAULT 0,
  held INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  CHECK (held >= 0),
  -- A wallet can never go below zero, counting what is held for running work.
  CHECK (kind = 'system' OR (balance >= 0 AND balance - held >= 0))
);

CREATE TABLE ledger_transactions (
  id TEXT PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  metadata TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);

CREATE TABLE ledger_entries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  transaction_id TEXT NOT NULL REFERENCES ledger_transactions (id),
  account_id TEXT NOT NULL REFERENCES ledger_accounts (id),
  amount INTEGER NOT NULL CHECK (amount <> 0),
  balance_after INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries (account_id, id);
CREATE INDEX ledger_entries_transaction ON ledger_entries (transaction_id);

-- Append-only: corrections are new reversing transactions, never edits.
CREATE TRIGGER ledger_entries_no_update BEFORE UPDATE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_entries_no_delete BEFORE DELETE ON ledger_entries
BEGIN SELECT RAISE(ABORT, 'ledger entries are append-only'); END;
CREATE TRIGGER ledger_transactions_no_update BEFORE UPDATE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;
CREATE TRIGGER ledger_transactions_no_delete BEFORE DELETE ON ledger_transactions
BEGIN SELECT RAISE(ABORT, 'ledger transactions are append-only'); END;

-- Reservations (TigerBeetle's pending → posted | voided): credits set aside for running work.
CREATE TABLE credit_holds (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES ledger_accounts (id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  status TEXT NOT NULL CHECK (status IN ('pending', 'captured', 'released')),
  idempotency_key TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  settled_at INTEGER,
  captured_amount INTEGER CHECK (captured_amount IS NULL OR (captured_amount >= 0 AND captured_amount <= amount)),
  release_reason TEXT
);
CREATE INDEX credit_holds_pending ON credit_holds (status, expires_at);
CREATE INDEX credit_holds_account ON credit_holds (account_id, status);
