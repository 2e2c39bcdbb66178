import { beforeEach, describe, expect, it } from 'vitest';
import { upsertUserFromClaims } from '../../src/auth/users.ts';
import { createLedger, type Ledger } from '../../src/credits/ledger.ts';
import { reconcileLedger } from '../../src/credits/reconcile.ts';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { reserveWithinLimits, type SpendLimits } from '../../src/fraud/spend-limits.ts';
import { assertToolEnabled, isToolEnabled, setToolEnabled } from '../../src/fraud/tool-switches.ts';
import { ApiError } from '../../src/http/errors.ts';

const HOUR = 3_600_000;
const limits: SpendLimits = { perHour: 50, perDay: 120, beforeFirstPurchasePerDay: 20 };
let db: Db;
let ledger: Ledger;
let clock: number;
let userId: string;
let n = 0;

const reserve = (amount: number) =>
  reserveWithinLimits(db, ledger, limits, { userId, amount, key: `gen:${++n}:hold`, purpose: 'generation', ttlMs: HOUR }, clock);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof ApiError ? { status: err.status, code: err.code, details: err.details } : err;
  }
  return undefined;
};

beforeEach(() => {
  db = openDatabase(':memory:');
  clock = 10 * 24 * HOUR;
  ledger = createLedger(db, () => clock);
  userId = upsertUserFromClaims(db, { issuer: 'i', subject: 's' }, clock).user.id;
});

describe('spend limits', () => {
  it('limits accounts that never bought credits to a small daily amount, with a message that says how to lift it', () => {
    ledger.grant({ userId, amount: 100, key: 'signup', kind: 'signup', from: 'signup', description: 'Welcome' });
    reserve(15);
    expect(refusal(() => reserve(10))).toMatchObject({ status: 429, code: 'spend_limit_reached', details: { window: 'new-account daily' } });
    expect(ledger.balance(userId).held).toBe(15);
  });

  it('lifts the new-account cap after the first purchase, but keeps the hourly limit', () => {
    ledger.grant({ userId, amount: 500, key: 'polar:order:1:grant', kind: 'purchase', from: 'sales', description: 'Pack' });
    reserve(30);
    reserve(20);
    expect(refusal(() => reserve(1))).toMatchObject({ status: 429, details: { window: 'hourly' } });
  });

  it('counts only what was really captured, so released holds free the limit again', () => {
    ledger.grant({ userId, amount: 500, key: 'polar:order:1:grant', kind: 'purchase', from: 'sales', description: 'Pack' });
    const hold = reserve(50);
    ledger.release(hold.id, 'failed');
    expect(reserve(50).amount).toBe(50);
  });

  it('applies the daily limit across hours', () => {
    ledger.grant({ userId, amount: 500, key: 'polar:order:1:grant', kind: 'purchase', from: 'sales', description: 'Pack' });
    for (let h = 0; h < 3; h++) {
      const hold = reserve(40);
      ledger.capture({ holdId: hold.id, amount: 40, description: 'x' });
      clock += HOUR + 1;
    }
    expect(refusal(() => reserve(1))).toMatchObject({ details: { window: 'daily' } });
    clock += 24 * HOUR;
    expect(reserve(40).amount).toBe(40);
    expect(reconcileLedger(db).ok).toBe(true);
  });

  it('a retried request with the same key answers its hold even when the limit is now reached', () => {
    ledger.grant({ userId, amount: 500, key: 'polar:order:1:grant', kind: 'purchase', from: 'sales', description: 'Pack' });
    const first = reserveWithinLimits(db, ledger, limits, { userId, amount: 50, key: 'same', purpose: 'p', ttlMs: HOUR }, clock);
    const again = reserveWithinLimits(db, ledger, limits, { userId, amount: 50, key: 'same', purpose: 'p', ttlMs: HOUR }, clock);
    expect(again.id).toBe(first.id);
  });
});

describe('the kill switch per tool', () => {
  it('pauses a tool named in configuration, and the database switch overrides it either way', () => {
    const configured = new Set(['flux-dev']);
    expect(isToolEnabled(db, configured, 'flux-dev').enabled).toBe(false);
    expect(refusal(() => assertToolEnabled(db, configured, 'flux-dev'))).toMatchObject({ status: 503, code: 'tool_disabled' });
    setToolEnabled(db, 'flux-dev', true, undefined, clock);
    expect(isToolEnabled(db, configured, 'flux-dev').enabled).toBe(true);
    setToolEnabled(db, 'flux-schnell', false, 'provider incident', clock);
    expect(isToolEnabled(db, new Set(), 'flux-schnell')).toEqual({ enabled: false, reason: 'provider incident' });
  });
});
