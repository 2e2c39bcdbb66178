-- Kill switch per tool: a paused tool answers 503 tool_disabled until switched back on.
CREATE TABLE tool_switches (
  tool_id TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  reason TEXT,
  updated_at INTEGER NOT NULL
);
