-- Rate-limit counters shared by every backend process on this database (rate-limiter-flexible's
-- SQLite layout). Keys hold a policy prefix and a user id or a salted hash of an IP, never a raw IP.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  points INTEGER NOT NULL DEFAULT 0,
  expire INTEGER
);
CREATE INDEX rate_limits_expire ON rate_limits (expire);
