import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileLedger } from '../src/credits/reconcile.ts';
import { deleteExpiredLogFiles } from '../src/http/log-files.ts';
import { logPromptIfAllowed, countUsageIfAllowed } from '../src/privacy/prompt-log.ts';
import { personalDataSources } from '../src/privacy/personal-data.ts';
import { runRetention } from '../src/privacy/retention.ts';
import { call, signInTestUser, startTestBackend, type TestBackend } from './helpers/backend.ts';

const DAY = 24 * 60 * 60 * 1000;
let clock = Date.UTC(2026, 10, 24, 12);
let backend: TestBackend;

beforeAll(async () => {
  backend = await startTestBackend({}, { now: () => clock, jobs: false });
});
afterAll(() => backend.stop());

/** Gives a user data in every place that can hold some. */
async function busyUser(email: string) {
  const user = await signInTestUser(backend, { email, name: 'Ada Example' });
  const { ledger, db } = backend.deps;
  ledger.grant({ userId: user.userId, amount: 50, key: `polar:order:${randomUUID()}:grant`, kind: 'purchase', from: 'sales', description: 'Starter pack' });
  const hold = ledger.reserve({ userId: user.userId, amount: 10, key: `gen:${randomUUID()}:hold`, purpose: 'generation:x', ttlMs: 60_000 });
  ledger.capture({ holdId: hold.id, amount: 10, description: 'Image Studio', metadata: { tool: 'flux-schnell' } });
  ledger.reserve({ userId: user.userId, amount: 5, key: `gen:${randomUUID()}:hold`, purpose: 'generation:y', ttlMs: 60_000 });
  logPromptIfAllowed(db, { userId: user.userId, tool: 'flux-schnell', prompt: `a portrait of ${email}`, params: { seed: 1 } }, clock);
  // A Polar purchase as the billing code records it; Polar's payload names the customer.
  const checkoutId = `chk_${randomUUID()}`;
  db.prepare('INSERT INTO billing_checkouts (id, user_id, pack_id, product_id, credits, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    checkoutId, user.userId, 'starter', 'prod_1', 100, 'https://polar.example/checkout', clock,
  );
  db.prepare(
    `INSERT INTO billing_orders (id, user_id, checkout_id, product_id, pack_id, credits, net_amount, currency, state, source, created_at, updated_at)
     VALUES (?, ?, ?, 'prod_1', 'starter', 100, 500, 'usd', 'granted', 'webhook', ?, ?)`,
  ).run(`ord_${randomUUID()}`, user.userId, checkoutId, clock, clock);
  db.prepare('INSERT INTO billing_webhook_events (webhook_id, type, payload, received_at, processed_at, outcome) VALUES (?, ?, ?, ?, ?, ?)').run(
    `msg_${randomUUID()}`, 'order.paid', JSON.stringify({ data: { customer: { email, external_id: user.userId } } }), clock, clock, 'granted',
  );
  const support = await call(backend.url, 'POST', '/v1/support/messages', {
    headers: user.auth,
    json: { name: 'Ada Example', email, subject: 'Privacy Policy Inquiry', message: 'What do you keep about me?' },
  });
  expect(support.status).toBe(201);
  return user;
}

const tablesNamingUsers = () =>
  (backend.deps.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]).filter((t) =>
    (backend.deps.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[]).includes('user_id'),
  );

describe('access and portability', () => {
  it('every table that names a user is covered by export and erasure', () => {
    const covered = new Set(personalDataSources.flatMap((s) => s.tables));
    expect(tablesNamingUsers().filter((t) => !covered.has(t))).toEqual([]);
  });

  it('the export holds every row that names the user, and nothing about anyone else', async () => {
    const user = await busyUser('ada.export@example.com');
    const other = await busyUser('bob.other@example.com');
    const res = await call(backend.url, 'GET', '/v1/me/export', { headers: user.auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const text = res.text;
    expect(res.json.account).toMatchObject({ id: user.userId, email: 'ada.export@example.com', name: 'Ada Example' });
    expect(res.json.sessions.map((s: { id: string }) => s.id)).toContain(user.sessionId);
    expect(res.json.credits.transactions).toHaveLength(2);
    expect(res.json.credits.holds).toHaveLength(2);
    expect(res.json.support_messages[0]).toMatchObject({ subject: 'Privacy Policy Inquiry' });
    expect(res.json.prompt_logs[0].prompt).toContain('ada.export@example.com');
    expect(res.json.purchases.orders).toHaveLength(1);
    expect(res.json.purchases.checkouts).toHaveLength(1);
    for (const table of tablesNamingUsers()) {
      const ids = backend.deps.db.prepare(`SELECT * FROM ${table} WHERE user_id = ?`).all(user.userId) as Array<Record<string, unknown>>;
      for (const row of ids) if (typeof row.id === 'string' && table !== 'ledger_accounts') expect(text).toContain(row.id);
    }
    expect(text).not.toContain('bob.other@example.com');
    expect(text).not.toContain(other.userId);
    expect(text).not.toContain(user.accessToken);
  });
});

describe('rectification', () => {
  it('the user can set a contact email and go back to the sign-in email', async () => {
    const user = await signInTestUser(backend, { email: 'signin@example.com' });
    const set = await call(backend.url, 'PATCH', '/v1/me', { headers: user.auth, json: { contact_email: 'me@work.example' } });
    expect(set.status).toBe(200);
    expect(set.json).toMatchObject({ email: 'signin@example.com', contact_email: 'me@work.example' });
    expect((await call(backend.url, 'PATCH', '/v1/me', { headers: user.auth, json: { contact_email: 'not an email' } })).status).toBe(400);
    const reset = await call(backend.url, 'PATCH', '/v1/me', { headers: user.auth, json: { contact_email: null } });
    expect(reset.json.contact_email).toBe('signin@example.com');
  });
});

describe('erasure', () => {
  it('deletes the account: the email appears nowhere in the database, tokens stop working, ledger rows remain unlinked', async () => {
    const email = 'erase.me@example.com';
    const user = await busyUser(email);
    const txBefore = backend.deps.db.prepare('SELECT COUNT(*) FROM ledger_transactions').pluck().get() as number;
    const res = await call(backend.url, 'DELETE', '/v1/me', { headers: user.auth });
    expect(res.status).toBe(204);
    expect((await call(backend.url, 'GET', '/v1/credits', { headers: user.auth })).status).toBe(401);

    const db = backend.deps.db;
    for (const table of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[]) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM ${table}`).all());
      expect(dump, `table ${table}`).not.toContain(email);
      expect(dump, `table ${table}`).not.toContain(user.userId);
    }
    expect(db.prepare('SELECT COUNT(*) FROM ledger_transactions').pluck().get()).toBe(txBefore);
    expect(db.prepare(`SELECT COUNT(*) FROM billing_orders WHERE user_id IS NULL`).pluck().get()).toBeGreaterThan(0);
    expect(reconcileLedger(db)).toMatchObject({ ok: true });
  });

  it('a child account reported as under 13 is deleted at once', async () => {
    const user = await signInTestUser(backend, { email: 'kid@example.com' });
    const bad = await call(backend.url, 'POST', '/v1/me/report-underage', { headers: user.auth, json: { under_13: false } });
    expect(bad.status).toBe(400);
    const res = await call(backend.url, 'POST', '/v1/me/report-underage', { headers: user.auth, json: { under_13: true } });
    expect(res.status).toBe(204);
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM users WHERE id = ?').pluck().get(user.userId)).toBe(0);
  });
});

describe('restriction and objection', () => {
  it('withdrawing prompt-logging consent deletes logged prompts at once and stops new logging', async () => {
    const user = await busyUser('objector@example.com');
    const count = () => backend.deps.db.prepare('SELECT COUNT(*) FROM prompt_logs WHERE user_id = ?').pluck().get(user.userId);
    expect(count()).toBe(1);
    const res = await call(backend.url, 'PATCH', '/v1/me/consents', { headers: user.auth, json: { prompt_logging: false } });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ prompt_logging: false, usage_analytics: true });
    expect(count()).toBe(0);
    expect(logPromptIfAllowed(backend.deps.db, { userId: user.userId, tool: 't', prompt: 'p', params: {} }, clock)).toBe(false);
    expect(count()).toBe(0);
  });

  it('usage analytics are counted per tool per day only, and not at all after objection', async () => {
    const user = await signInTestUser(backend);
    const day = new Date(clock).toISOString().slice(0, 10);
    const read = () => backend.deps.db.prepare('SELECT count FROM usage_daily WHERE day = ? AND tool = ?').pluck().get(day, 'analytics-tool') ?? 0;
    expect(countUsageIfAllowed(backend.deps.db, user.userId, 'analytics-tool', clock)).toBe(true);
    expect(read()).toBe(1);
    await call(backend.url, 'PATCH', '/v1/me/consents', { headers: user.auth, json: { usage_analytics: false } });
    expect(countUsageIfAllowed(backend.deps.db, user.userId, 'analytics-tool', clock)).toBe(false);
    expect(read()).toBe(1);
    const columns = backend.deps.db.prepare(`SELECT name FROM pragma_table_info('usage_daily')`).pluck().all();
    expect(columns).toEqual(['day', 'tool', 'count']);
  });

  it('objecting through PATCH /v1/me deletes logged prompts too', async () => {
    const user = await busyUser('patcher@example.com');
    const res = await call(backend.url, 'PATCH', '/v1/me', { headers: user.auth, json: { consents: { prompt_logging: false } } });
    expect(res.status).toBe(200);
    expect(res.json.consents).toEqual({ prompt_logging: false, usage_analytics: true });
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM prompt_logs WHERE user_id = ?').pluck().get(user.userId)).toBe(0);
  });

  it('a damaged consents record reads as nothing consented', async () => {
    const user = await signInTestUser(backend);
    backend.deps.db.prepare(`UPDATE users SET consents = '{broken' WHERE id = ?`).run(user.userId);
    expect((await call(backend.url, 'GET', '/v1/me/consents', { headers: user.auth })).json).toEqual({ prompt_logging: false, usage_analytics: false });
    expect(logPromptIfAllowed(backend.deps.db, { userId: user.userId, tool: 't', prompt: 'p', params: {} }, clock)).toBe(false);
  });

  it('refuses unknown consent names and non-boolean values, changing nothing', async () => {
    const user = await signInTestUser(backend);
    for (const json of [{ tracking: true }, { prompt_logging: 'no' }]) {
      expect((await call(backend.url, 'PATCH', '/v1/me/consents', { headers: user.auth, json })).status).toBe(400);
    }
    expect((await call(backend.url, 'GET', '/v1/me/consents', { headers: user.auth })).json).toEqual({ prompt_logging: true, usage_analytics: true });
  });
});

describe('retention', () => {
  it('prompt logs are deleted after 7 days, newer ones kept', async () => {
    const user = await signInTestUser(backend);
    const db = backend.deps.db;
    logPromptIfAllowed(db, { userId: user.userId, tool: 't', prompt: 'old prompt', params: {} }, clock - 8 * DAY);
    logPromptIfAllowed(db, { userId: user.userId, tool: 't', prompt: 'new prompt', params: {} }, clock - 6 * DAY);
    runRetention({ db, now: clock, logDir: undefined });
    expect(db.prepare('SELECT prompt FROM prompt_logs WHERE user_id = ?').pluck().all(user.userId)).toEqual(['new prompt']);
  });

  it('technical log files are deleted after 90 days, newer ones kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pp-logs-'));
    const day = (offset: number) => new Date(clock - offset * DAY).toISOString().slice(0, 10);
    for (const offset of [0, 89, 91, 200]) writeFileSync(join(dir, `technical-${day(offset)}.log`), '{}\n');
    writeFileSync(join(dir, 'unrelated.txt'), 'kept');
    expect(deleteExpiredLogFiles(dir, clock, 90 * DAY).sort()).toEqual([`technical-${day(200)}.log`, `technical-${day(91)}.log`].sort());
    expect(readdirSync(dir).sort()).toEqual([`technical-${day(0)}.log`, `technical-${day(89)}.log`, 'unrelated.txt'].sort());
  });

  it('ended sessions are deleted 30 days after they end', async () => {
    const user = await signInTestUser(backend);
    const db = backend.deps.db;
    db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?').run(clock - 31 * DAY, user.sessionId);
    runRetention({ db, now: clock, logDir: undefined });
    expect(db.prepare('SELECT COUNT(*) FROM sessions WHERE id = ?').pluck().get(user.sessionId)).toBe(0);
  });
});

describe('the contact form', () => {
  it('accepts a message with or without sign-in, including the Privacy Policy Inquiry subject', async () => {
    const subjects = await call(backend.url, 'GET', '/v1/support/subjects');
    expect(subjects.json.subjects).toContain('Privacy Policy Inquiry');
    const res = await call(backend.url, 'POST', '/v1/support/messages', {
      json: { name: 'Visitor', email: 'visitor@example.com', subject: 'Privacy Policy Inquiry', message: 'Please tell me what you hold.' },
    });
    expect(res.status).toBe(201);
    expect(res.json.id).toMatch(/^msg_/);
  });

  it('refuses bad fields with a 400 naming each, and stores nothing', async () => {
    const before = backend.deps.db.prepare('SELECT COUNT(*) FROM support_messages').pluck().get();
    const res = await call(backend.url, 'POST', '/v1/support/messages', { json: { name: '', email: 'nope', subject: 'Other', message: 'short' } });
    expect(res.status).toBe(400);
    expect(res.json.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'message', 'name', 'subject']);
    expect(backend.deps.db.prepare('SELECT COUNT(*) FROM support_messages').pluck().get()).toBe(before);
  });
});
