-- One browser sign-in attempt: created by /auth/google/start, consumed once by the callback.
-- `id` is the SHA-256 of the HttpOnly cookie value that ties the callback to that browser.
CREATE TABLE auth_attempts (
  id TEXT PRIMARY KEY,
  provider_state TEXT NOT NULL,
  provider_nonce TEXT NOT NULL,
  provider_code_verifier TEXT NOT NULL,
  app_challenge TEXT NOT NULL,
  app_state TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  consumed_at INTEGER
);
CREATE INDEX auth_attempts_expiry ON auth_attempts (expires_at);

-- One-time codes handed to the app through the deep link. Stored hashed, single use,
-- bound to the PKCE challenge of the app instance that started sign-in.
CREATE TABLE handoff_codes (
  code_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  app_challenge TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER
);
CREATE INDEX handoff_codes_expiry ON handoff_codes (expires_at);
