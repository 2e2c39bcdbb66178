-- Users' own images for the image tools (issue 6). The bytes are never stored here: they are
-- checked, stripped of metadata and forwarded to fal storage with a short object lifecycle.
-- This row only lets the owner name the file in a request; it is deleted when the generation
-- that used it ends, or by the retention sweep once expires_at passes.
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  file_url TEXT NOT NULL,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  byte_size INTEGER NOT NULL CHECK (byte_size > 0),
  -- The latest generation that read it; its ending deletes this row.
  generation_id TEXT,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX uploads_expiry ON uploads (expires_at);
CREATE INDEX uploads_generation ON uploads (generation_id) WHERE generation_id IS NOT NULL;
