-- Personal characters (issue 7): a LoRA trained from the user's photos. The photos themselves
-- are never stored here: they exist in memory while checked and zipped, then only as one zip on
-- fal storage with a short object lifecycle. `photos_url` is that zip's address while training
-- may still read it; it is set to NULL the moment training ends (or the character is deleted).
CREATE TABLE characters (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('person', 'pet', 'product', 'style')),
  status TEXT NOT NULL CHECK (status IN ('training', 'ready', 'failed')),
  trigger_word TEXT NOT NULL UNIQUE,
  photo_count INTEGER NOT NULL CHECK (photo_count BETWEEN 5 AND 20),
  endpoint TEXT NOT NULL,
  hold_id TEXT NOT NULL UNIQUE REFERENCES credit_holds (id),
  cost INTEGER NOT NULL CHECK (cost > 0),
  charged INTEGER CHECK (charged IS NULL OR (charged >= 0 AND charged <= cost)),
  fal_request_id TEXT,
  photos_url TEXT,
  photos_expire_at INTEGER,
  weights_url TEXT,
  progress INTEGER CHECK (progress IS NULL OR (progress >= 0 AND progress <= 100)),
  running_since INTEGER,
  error_code TEXT,
  error_message TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  -- Tracker lease, as for generations: which instance polls this training until when.
  claimed_by TEXT,
  claim_expires_at INTEGER,
  next_poll_at INTEGER NOT NULL,
  poll_failures INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER,
  CHECK (status <> 'ready' OR weights_url IS NOT NULL),
  CHECK (status = 'training' OR photos_url IS NULL)
);
CREATE INDEX characters_due ON characters (status, next_poll_at);
CREATE INDEX characters_user ON characters (user_id, created_at);
