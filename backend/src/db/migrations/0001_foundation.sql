-- Key/value facts about this installation (e.g. when the schema was first created).
CREATE TABLE app_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO app_meta (key, value) VALUES ('created_at', CAST(strftime('%s', 'now') AS TEXT));
