import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestBackend, type TestBackend } from './helpers/backend.ts';

describe('the backend as a real HTTP server', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.stop());

  it('answers /health with its version once the database is usable', async () => {
    const res = await call(backend.url, 'GET', '/health');
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', database: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('answers an unknown route with the JSON error shape and a 404', async () => {
    const res = await call(backend.url, 'GET', '/v1/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.json).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('answers a wrong method on a known route with the JSON error shape', async () => {
    const res = await call(backend.url, 'POST', '/health', { json: {} });
    expect(res.status).toBe(405);
    expect(res.json.error.code).toBe('method_not_allowed');
  });

  it('sends baseline security headers on every answer', async () => {
    const res = await call(backend.url, 'GET', '/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('creates the SQLite file with WAL, foreign keys and every migration recorded', () => {
    const db = new Database(backend.databasePath, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(versions[0]).toBe(1);
      expect(backend.deps.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('logs requests without their query strings', async () => {
    await call(backend.url, 'GET', '/health?code=secret-handoff-code-123');
    const joined = backend.logs.join('\n');
    expect(joined).toContain('"path":"/health"');
    expect(joined).not.toContain('secret-handoff-code-123');
  });
});

describe('migrations', () => {
  it('run once: restarting on the same file applies nothing twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-migrate-'));
    const databasePath = join(dir, 'db.sqlite');
    const first = await startTestBackend({}, { databasePath });
    await first.stop();
    const second = await startTestBackend({}, { databasePath });
    const rows = second.deps.db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT version) AS d FROM schema_migrations').get() as { n: number; d: number };
    await second.stop();
    expect(rows.n).toBe(rows.d);
    expect(rows.n).toBeGreaterThan(0);
  });
});

function runEntryPoint(env: Record<string, string>, untilLine?: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'backend/src/main.ts'], {
    env: { ...process.env, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const ready = new Promise<string>((resolve, reject) => {
    if (!untilLine) return resolve('');
    const timer = setTimeout(() => reject(new Error(`no ready line; stderr: ${err}`)), 20_000);
    child.stdout.on('data', () => {
      const m = untilLine.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? m[0]);
      }
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => ({ out, err }) };
}

describe('npm run backend (the entry point)', () => {
  it('exits non-zero with a one-line reason on bad configuration', async () => {
    const run = runEntryPoint({ PP_PORT: 'not-a-port' });
    const code = await run.exited;
    expect(code).not.toBe(0);
    const { err } = run.output();
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('PP_PORT');
  });

  it('refuses a plain-http OpenID issuer that is not on this machine', async () => {
    const run = runEntryPoint({ PP_OIDC_ISSUER: 'http://accounts.example.com' });
    expect(await run.exited).not.toBe(0);
    expect(run.output().err).toContain('PP_OIDC_ISSUER');
  });

  it('logs "listening on", serves /health, and shuts down cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-entry-'));
    const run = runEntryPoint({ PP_PORT: '0', PP_DATABASE: join(dir, 'db.sqlite') }, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    const url = await run.ready;
    const health = await call(url, 'GET', '/health');
    expect(health.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
});
