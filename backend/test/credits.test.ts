import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signInTestUser, startTestBackend, type TestBackend } from './helpers/backend.ts';

describe('credits over HTTP', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.stop());

  it('needs sign-in', async () => {
    const res = await call(backend.url, 'GET', '/v1/credits');
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('unauthorized');
  });

  it('shows balance, held and available as integers', async () => {
    const user = await signInTestUser(backend);
    backend.deps.ledger.grant({ userId: user.userId, amount: 40, key: `t:${user.userId}`, kind: 'promo', from: 'promo', description: 'Promo' });
    backend.deps.ledger.reserve({ userId: user.userId, amount: 15, key: `h:${user.userId}`, purpose: 'p', ttlMs: 60_000 });
    const res = await call(backend.url, 'GET', '/v1/credits', { headers: user.auth });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ balance: 40, held: 15, available: 25 });
  });

  it('lists transactions newest first and pages through them with a cursor', async () => {
    const user = await signInTestUser(backend);
    for (let i = 1; i <= 5; i++) {
      backend.deps.ledger.grant({ userId: user.userId, amount: i, key: `p:${user.userId}:${i}`, kind: 'promo', from: 'promo', description: `Promo ${i}` });
    }
    const first = await call(backend.url, 'GET', '/v1/credits/transactions?limit=3', { headers: user.auth });
    expect(first.status).toBe(200);
    expect(first.json.items.map((t: { amount: number }) => t.amount)).toEqual([5, 4, 3]);
    expect(first.json.items[0]).toMatchObject({ kind: 'promo', balance_after: 15, description: 'Promo 5' });
    const second = await call(backend.url, 'GET', `/v1/credits/transactions?limit=3&cursor=${first.json.next_cursor}`, { headers: user.auth });
    expect(second.json.items.map((t: { amount: number }) => t.amount)).toEqual([2, 1]);
    expect(second.json.next_cursor).toBeNull();
  });

  it("never shows another user's transactions", async () => {
    const a = await signInTestUser(backend);
    const b = await signInTestUser(backend);
    backend.deps.ledger.grant({ userId: a.userId, amount: 7, key: `only-a:${a.userId}`, kind: 'promo', from: 'promo', description: 'A only' });
    const res = await call(backend.url, 'GET', '/v1/credits/transactions', { headers: b.auth });
    expect(res.json.items).toEqual([]);
  });

  it('refuses a malformed cursor with a 400 that names the field', async () => {
    const user = await signInTestUser(backend);
    const res = await call(backend.url, 'GET', '/v1/credits/transactions?cursor=%27%3B--', { headers: user.auth });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].field).toBe('cursor');
  });
});
