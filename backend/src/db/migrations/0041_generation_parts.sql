-- Generations made of several fal requests (issue 7: an avatar pack is one generation, one
-- hold and one charge, but one fal request per style). Each part's images wait here until the
-- whole generation settles; then the parts are deleted (the generation row keeps the result
-- under its own retention rules). No prompts are stored.
CREATE TABLE generation_parts (
  generation_id TEXT NOT NULL REFERENCES generations (id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  fal_request_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  progress INTEGER NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 100),
  images TEXT,
  flagged INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (generation_id, idx)
);
