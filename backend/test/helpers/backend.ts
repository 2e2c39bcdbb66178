import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseConfig } from '../../src/config.ts';
import { createLogger } from '../../src/http/logging.ts';
import type { AppDeps } from '../../src/app.ts';
import { startBackend, type RunningBackend } from '../../src/server.ts';

export interface TestBackend extends RunningBackend {
  dir: string;
  databasePath: string;
  /** Every log line the backend wrote, for tests that check what logs contain. */
  logs: string[];
  stop(): Promise<void>;
}

/**
 * The real backend on 127.0.0.1 with a fresh SQLite file in a temp folder. `env` overrides
 * the API.md variables, exactly as the entry point reads them.
 */
export async function startTestBackend(
  env: Record<string, string | undefined> = {},
  opts: { now?: () => number; sandbox?: boolean; databasePath?: string; jobs?: boolean; onAccountCreated?: AppDeps['onAccountCreated'] } = {},
): Promise<TestBackend> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-backend-'));
  const databasePath = opts.databasePath ?? join(dir, 'test.sqlite');
  const config = parseConfig({
    NODE_ENV: 'test',
    PP_HOST: '127.0.0.1',
    PP_PORT: '0',
    PP_DATABASE: databasePath,
    PP_LOG_LEVEL: 'info',
    // Most suites make many requests from one IP; the rate-limit suite sets its own scale.
    PP_RATE_LIMIT_SCALE: '1000',
    // Test users are funded by promo grants, not purchases; the fraud suites set real limits.
    PP_NEW_ACCOUNT_DAILY_LIMIT: '1000000',
    PP_SPEND_LIMIT_HOUR: '1000000',
    PP_SPEND_LIMIT_DAY: '1000000',
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      cb();
    },
  });
  const backend = await startBackend(config, createLogger(config.logLevel, sink), opts);
  return {
    ...backend,
    dir,
    databasePath,
    logs,
    async stop() {
      await backend.close();
      if (!opts.databasePath) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** fetch against the test backend that answers status, headers and parsed JSON (if any). */
export async function call(
  base: string,
  method: string,
  path: string,
  init: { json?: unknown; body?: RequestInit['body']; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/**
 * A signed-in user for tests of signed-in routes: created through the same functions the
 * sign-in flow uses (users keyed on issuer + subject, a real session with hashed tokens).
 */
export async function signInTestUser(
  backend: RunningBackend,
  opts: { subject?: string; email?: string; name?: string; acceptTerms?: boolean; device?: string } = {},
): Promise<{ userId: string; accessToken: string; refreshToken: string; sessionId: string; auth: Record<string, string> }> {
  const { upsertUserFromClaims } = await import('../../src/auth/users.ts');
  const { createSession } = await import('../../src/auth/sessions.ts');
  const now = backend.deps.now();
  const subject = opts.subject ?? `test-${Math.random().toString(36).slice(2)}`;
  const { user } = upsertUserFromClaims(
    backend.deps.db,
    { issuer: 'https://test-issuer.invalid', subject, email: opts.email ?? `${subject}@example.com`, emailVerified: true, name: opts.name ?? 'Test User' },
    now,
  );
  if (opts.acceptTerms !== false) {
    backend.deps.db.prepare('UPDATE users SET terms_accepted_at = ?, age_confirmed_at = ? WHERE id = ?').run(now, now, user.id);
  }
  const tokens = createSession(backend.deps.db, user.id, opts.device ?? 'Test device', now);
  return { userId: user.id, ...tokens, auth: { authorization: `Bearer ${tokens.accessToken}` } };
}
