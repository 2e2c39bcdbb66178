import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, signInTestUser, startTestBackend, type TestBackend } from './helpers/backend.ts';

// auth_start allows 20 per minute; at scale 0.1 that is 2, small enough to exhaust quickly.
const SCALE = '0.1';
const started: TestBackend[] = [];
async function backendWith(env: Record<string, string> = {}, databasePath?: string) {
  const b = await startTestBackend({ PP_RATE_LIMIT_SCALE: SCALE, ...env }, databasePath ? { databasePath } : {});
  started.push(b);
  return b;
}
afterEach(async () => {
  for (const b of started.splice(0)) await b.stop();
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After and the JSON error shape once a limit is used up', async () => {
    const b = await backendWith();
    // auth_token allows 30 a minute: 3 at this scale.
    const token = () => call(b.url, 'POST', '/auth/token', { json: { grant_type: 'refresh_token', refresh_token: 'ppr_x' } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await token()).status);
    expect(statuses).not.toContain(429);
    const limited = await token();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json.error).toMatchObject({ code: 'rate_limited', details: { policy: 'auth_token' } });
  });

  it('answers a browser page that is rate limited with an HTML page, not JSON', async () => {
    const b = await backendWith();
    let last = await call(b.url, 'GET', '/auth/google/start');
    for (let i = 0; i < 3; i++) last = await call(b.url, 'GET', '/auth/google/start');
    expect(last.status).toBe(429);
    expect(last.headers.get('content-type')).toMatch(/text\/html/);
    expect(last.text).toContain('Too many requests');
  });

  it('ignores X-Forwarded-For unless the backend is configured to sit behind a proxy', async () => {
    const b = await backendWith();
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await call(b.url, 'GET', '/auth/google/start', { headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status);
    }
    expect(codes).toContain(429);
  });

  it('counts each client address separately behind a trusted proxy', async () => {
    const b = await backendWith({ PP_TRUST_PROXY: '1' });
    const codes = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await call(b.url, 'GET', '/auth/google/start', { headers: { 'x-forwarded-for': `203.0.113.${i}` } })).status);
    }
    expect(codes).not.toContain(429);
  });

  it('limits signed-in users per account, not per address', async () => {
    const b = await backendWith();
    const a = await signInTestUser(b);
    const other = await signInTestUser(b);
    let lastA = 0;
    for (let i = 0; i < 61; i++) lastA = (await call(b.url, 'GET', '/v1/credits', { headers: a.auth })).status;
    expect(lastA).toBe(429);
    expect((await call(b.url, 'GET', '/v1/credits', { headers: other.auth })).status).toBe(200);
  });

  it('shares counters between two backend processes on one database', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'pp-rl-')), 'shared.sqlite');
    const one = await backendWith({}, db);
    const two = await backendWith({}, db);
    await call(one.url, 'GET', '/auth/google/start');
    await call(two.url, 'GET', '/auth/google/start');
    expect((await call(one.url, 'GET', '/auth/google/start')).status).toBe(429);
    expect((await call(two.url, 'GET', '/auth/google/start')).status).toBe(429);
  });

  it('never limits /health', async () => {
    const b = await backendWith();
    for (let i = 0; i < 40; i++) expect((await call(b.url, 'GET', '/health')).status).toBe(200);
  });

  it('stores no raw IP address in its counters', async () => {
    const b = await backendWith();
    await call(b.url, 'GET', '/auth/google/start');
    const keys = b.deps.db.prepare('SELECT key FROM rate_limits').pluck().all() as string[];
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).not.toContain('127.0.0.1');
  });
});
