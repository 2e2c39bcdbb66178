import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSession } from '../backend/src/auth/sessions.ts';
import { upsertUserFromClaims } from '../backend/src/auth/users.ts';
import { parseConfig } from '../backend/src/config.ts';
import { createLogger } from '../backend/src/http/logging.ts';
import { startFalStandIn } from '../backend/src/sandbox/fal-stand-in.ts';
import { startBackend } from '../backend/src/server.ts';

/**
 * One side of the proxy benchmark in its own process (so the load generator, the backend and
 * the fal stand-in do not share an event loop): `fal` starts the stand-in, `backend` starts
 * the real backend pointed at it with funded users. Prints one JSON line when ready.
 */
const role = process.argv[2];
if (role === 'fal') {
  const fal = await startFalStandIn();
  fal.setBehaviour({ manual: true, queueMs: 0, runMs: 1 });
  process.stdout.write(`${JSON.stringify({ url: fal.url, env: fal.env })}\n`);
} else if (role === 'backend') {
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'));
  // Rate limits stay on (they cannot be disabled) but scaled out of the way of a load run.
  const config = parseConfig({ NODE_ENV: 'test', PP_PORT: '0', PP_RATE_LIMIT_SCALE: '10000', PP_DATABASE: join(dir, 'bench.sqlite'), FAL_KEY: process.env.FAL_KEY, PP_FAL_ORIGIN: process.env.PP_FAL_ORIGIN });
  // The tracker is off so only the submit path is measured; it is a separate periodic job.
  const backend = await startBackend(config, createLogger('silent'), { jobs: false });
  const tokens = Array.from({ length: 64 }, (_, i) => {
    const now = Date.now();
    const { user } = upsertUserFromClaims(backend.deps.db, { issuer: 'https://bench.invalid', subject: `bench-${i}`, email: `b${i}@example.com`, emailVerified: true }, now);
    backend.deps.db.prepare('UPDATE users SET terms_accepted_at = ? WHERE id = ?').run(now, user.id);
    backend.deps.ledger.grant({ userId: user.id, amount: 1_000_000, key: `bench:${user.id}`, kind: 'promo', from: 'promo', description: 'Bench credits' });
    return createSession(backend.deps.db, user.id, 'bench', now).accessToken;
  });
  process.once('SIGTERM', () => void backend.close().then(() => rmSync(dir, { recursive: true, force: true })).then(() => process.exit(0)));
  process.stdout.write(`${JSON.stringify({ url: backend.url, tokens })}\n`);
}
