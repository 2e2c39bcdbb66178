-- Polar billing (notes/polar.md): our own record of checkouts, orders and webhook deliveries,
-- so every grant and claw-back can be traced to what Polar told us and when.

-- A checkout the app started for a signed-in user.
CREATE TABLE billing_checkouts (
  id TEXT PRIMARY KEY,                -- Polar's checkout id
  user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  pack_id TEXT NOT NULL,
  product_id TEXT NOT NULL,
  credits INTEGER NOT NULL CHECK (credits > 0),
  url TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX billing_checkouts_user ON billing_checkouts (user_id, created_at);

-- One row per Polar order we heard of (webhook or reconciliation). `state` says what we did:
-- granted, or why not (unknown_product, unknown_user, not_paid, not_purchase).
CREATE TABLE billing_orders (
  id TEXT PRIMARY KEY,                -- Polar's order id
  user_id TEXT REFERENCES users (id) ON DELETE SET NULL,
  checkout_id TEXT,
  product_id TEXT,
  pack_id TEXT,
  credits INTEGER NOT NULL DEFAULT 0 CHECK (credits >= 0),
  net_amount INTEGER NOT NULL DEFAULT 0,
  currency TEXT,
  state TEXT NOT NULL CHECK (state IN ('granted', 'unknown_product', 'unknown_user', 'not_paid', 'not_purchase')),
  -- Highest cumulative refunded amount (cents) seen; refunds only ever grow.
  refunded_amount INTEGER NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0),
  -- Credits we meant to claw back so far (cumulative), and the part the wallet could not cover.
  clawback_credits INTEGER NOT NULL DEFAULT 0 CHECK (clawback_credits >= 0 AND clawback_credits <= credits),
  shortfall_credits INTEGER NOT NULL DEFAULT 0 CHECK (shortfall_credits >= 0),
  source TEXT NOT NULL CHECK (source IN ('webhook', 'reconcile')),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX billing_orders_user ON billing_orders (user_id, created_at);

-- Every verified webhook delivery, keyed on `webhook-id` (the same across Polar's retries).
-- Recorded before processing; `processed_at` stays NULL until the event has been applied, so a
-- crash in between is retried by the background job rather than lost.
CREATE TABLE billing_webhook_events (
  webhook_id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  processed_at INTEGER,
  outcome TEXT,
  attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX billing_webhook_events_pending ON billing_webhook_events (processed_at, received_at);
