-- Messages sent through the in-app contact form. Kept for support; deleted on request and on
-- account erasure (docs/privacy.md).
CREATE TABLE support_messages (
  id TEXT PRIMARY KEY,
  user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  subject TEXT NOT NULL,
  message TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX support_messages_user ON support_messages (user_id);
CREATE INDEX support_messages_created ON support_messages (created_at);
