-- Prompts and parameters, logged only temporarily (7 days) for optimisation and debugging, and
-- only while the user has not objected (users.consents.prompt_logging = false stops it and
-- deletes what was logged).
CREATE TABLE prompt_logs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  tool TEXT NOT NULL,
  prompt TEXT NOT NULL,
  params TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);
CREATE INDEX prompt_logs_created ON prompt_logs (created_at);
CREATE INDEX prompt_logs_user ON prompt_logs (user_id);

-- Usage analytics, in aggregate only: counts per tool per day, no user, no prompt.
CREATE TABLE usage_daily (
  day TEXT NOT NULL,
  tool TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, tool)
);
