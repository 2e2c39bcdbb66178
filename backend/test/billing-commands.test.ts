import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAND_IN_PRODUCTS } from '../src/sandbox/polar-stand-in.ts';
import { retryPendingWebhooks } from '../src/billing/webhooks.ts';
import { signInTestUser } from './helpers/backend.ts';
import { startBillingRig, type BillingRig } from './helpers/billing.ts';

const run = promisify(execFile);

/** Runs a backend command as `npm run …` would (node + tsx), against the rig's database and Polar. */
async function command(rig: BillingRig, script: string, args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', `backend/src/cli/${script}.ts`, ...args], {
      env: { ...process.env, ...rig.polar.env, PP_DATABASE: rig.backend.databasePath, PP_LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('the billing and credits commands', () => {
  let rig: BillingRig;
  beforeAll(async () => {
    rig = await startBillingRig();
  });
  afterAll(() => rig.stop());
  const balance = (userId: string) => rig.backend.deps.ledger.balance(userId).balance;

  it('credits:grant grants to a user by id or email, and a promo code only once per user', async () => {
    const user = await signInTestUser(rig.backend, { email: 'Promo.Person@example.com' });
    const admin = await command(rig, 'credits-grant', ['--user', user.userId, '--amount', '25', '--reason', 'Sorry about the outage']);
    expect(admin.code).toBe(0);
    expect(balance(user.userId)).toBe(25);
    const promo = ['--user', 'promo.person@example.com', '--amount', '50', '--reason', 'Launch week', '--promo', 'LAUNCH50'];
    expect((await command(rig, 'credits-grant', promo)).out).toContain('granted 50 credits');
    const again = await command(rig, 'credits-grant', promo);
    expect(again.code).toBe(0);
    expect(again.out).toContain('nothing changed');
    expect(balance(user.userId)).toBe(75);
    const history = rig.backend.deps.db.prepare(`SELECT kind, idempotency_key FROM ledger_transactions WHERE idempotency_key LIKE 'promo:%' AND idempotency_key LIKE ?`).all(`%${user.userId}`);
    expect(history).toEqual([{ kind: 'promo', idempotency_key: `promo:code:LAUNCH50:${user.userId}` }]);
  });

  it('credits:grant refuses bad input and unknown users without changing anything', async () => {
    const user = await signInTestUser(rig.backend);
    for (const args of [
      ['--user', user.userId, '--amount', '-5', '--reason', 'x'],
      ['--user', user.userId, '--amount', '2.5', '--reason', 'x'],
      ['--user', 'nobody@example.com', '--amount', '5', '--reason', 'x'],
      ['--user', user.userId, '--amount', '5'],
    ]) {
      const res = await command(rig, 'credits-grant', args);
      expect(res.code, args.join(' ')).not.toBe(0);
    }
    expect(balance(user.userId)).toBe(0);
  });

  it('credits:reconcile exits 0 on a consistent ledger and 1 when a cached balance was tampered with', async () => {
    const ok = await command(rig, 'credits-reconcile', []);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('the ledger reconciles');
    const user = await signInTestUser(rig.backend);
    rig.backend.deps.ledger.grant({ userId: user.userId, amount: 10, key: `seed:${user.userId}`, kind: 'promo', from: 'promo', description: 'seed' });
    rig.backend.deps.db.prepare('UPDATE ledger_accounts SET balance = balance + 1 WHERE user_id = ?').run(user.userId);
    const bad = await command(rig, 'credits-reconcile', []);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('cached balance 11');
    rig.backend.deps.db.prepare('UPDATE ledger_accounts SET balance = balance - 1 WHERE user_id = ?').run(user.userId);
  });

  it('billing:reconcile grants paid orders the webhooks missed, once', async () => {
    const user = await signInTestUser(rig.backend);
    const order = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[1]!.id, metadata: { user_id: user.userId } });
    const first = await command(rig, 'billing-reconcile', ['--since', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)]);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`granted order ${order.id}`);
    expect(balance(user.userId)).toBe(500);
    const second = await command(rig, 'billing-reconcile', ['--since', '2020-01-01']);
    expect(second.out).not.toContain('granted order');
    expect(balance(user.userId)).toBe(500);
    expect((await command(rig, 'billing-reconcile', ['--since', 'yesterday'])).code).toBe(2);
  });

  it('applies a recorded webhook that failed to apply when the retry job runs', async () => {
    const user = await signInTestUser(rig.backend);
    const order = rig.polar.createOrder({ externalCustomerId: user.userId, productId: STAND_IN_PRODUCTS[0]!.id });
    const { db } = rig.backend.deps;
    // Simulate a crash between recording and applying: the event is stored, not processed.
    db.prepare('INSERT INTO billing_webhook_events (webhook_id, type, payload, received_at) VALUES (?, ?, ?, ?)').run(
      'msg_crashed',
      'order.paid',
      JSON.stringify({ type: 'order.paid', data: (await import('../src/sandbox/polar-shapes.ts')).orderJson(order) }),
      Date.now() - 60_000,
    );
    expect(balance(user.userId)).toBe(0);
    expect(retryPendingWebhooks(rig.backend.deps)).toBe(1);
    expect(balance(user.userId)).toBe(100);
    expect(retryPendingWebhooks(rig.backend.deps)).toBe(0);
  });
});
