-- Billed generations (issue 5). Prompts and parameters are never stored here: the fal request
-- body exists only in memory while it is submitted. Result URLs are kept only until delivered
-- or until result_expires_at, then set to NULL.
CREATE TABLE generations (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tool TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitting', 'queued', 'running', 'succeeded', 'failed', 'canceled')),
  hold_id TEXT NOT NULL UNIQUE REFERENCES credit_holds (id),
  cost INTEGER NOT NULL CHECK (cost > 0),
  unit_cost INTEGER NOT NULL CHECK (unit_cost > 0),
  units INTEGER NOT NULL CHECK (units > 0),
  output_shape TEXT NOT NULL CHECK (output_shape IN ('images', 'image')),
  drop_flagged INTEGER NOT NULL DEFAULT 0 CHECK (drop_flagged IN (0, 1)),
  charged INTEGER CHECK (charged IS NULL OR (charged >= 0 AND charged <= cost)),
  fal_request_id TEXT,
  queue_position INTEGER,
  progress INTEGER CHECK (progress IS NULL OR (progress >= 0 AND progress <= 100)),
  -- JSON array of the last few fal log messages (model runtime output, not the prompt).
  logs TEXT NOT NULL DEFAULT '[]',
  result TEXT,
  result_expires_at INTEGER,
  delivered_at INTEGER,
  error_code TEXT,
  error_message TEXT,
  -- Bumped on every visible change; Server-Sent Events send an object when it moves.
  version INTEGER NOT NULL DEFAULT 1,
  -- Tracker lease: which backend instance polls this job until when, and when it is due next.
  claimed_by TEXT,
  claim_expires_at INTEGER,
  next_poll_at INTEGER NOT NULL,
  poll_failures INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX generations_due ON generations (status, next_poll_at);
CREATE INDEX generations_user ON generations (user_id, created_at);
CREATE INDEX generations_results ON generations (result_expires_at) WHERE result IS NOT NULL;
