import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { upsertUserFromClaims } from '../../src/auth/users.ts';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { createLedger, InsufficientCredits, type Ledger } from '../../src/credits/ledger.ts';
import { reconcileLedger } from '../../src/credits/reconcile.ts';
import { grantSignupCredits } from '../../src/credits/signup.ts';

let db: Db;
let ledger: Ledger;
let clock: number;
let userId: string;

beforeEach(() => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'pp-ledger-')), 'ledger.sqlite'));
  clock = 1_000_000;
  ledger = createLedger(db, () => clock);
  userId = upsertUserFromClaims(db, { issuer: 'i', subject: 's' }, clock).user.id;
});

const expectReconciled = () => expect(reconcileLedger(db)).toMatchObject({ ok: true, problems: [] });

describe('the credits ledger', () => {
  it('grants credits once per idempotency key', () => {
    const first = ledger.grant({ userId, amount: 100, key: 'polar:order:1:grant', kind: 'purchase', from: 'sales', description: 'Starter pack' });
    const again = ledger.grant({ userId, amount: 100, key: 'polar:order:1:grant', kind: 'purchase', from: 'sales', description: 'Starter pack' });
    expect(first.applied).toBe(true);
    expect(again).toEqual({ transactionId: first.transactionId, applied: false });
    expect(ledger.balance(userId)).toEqual({ balance: 100, held: 0, available: 100 });
    expectReconciled();
  });

  it('holds credits, then captures no more than was held and releases the rest', () => {
    ledger.grant({ userId, amount: 50, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    const hold = ledger.reserve({ userId, amount: 20, key: 'gen:1:hold', purpose: 'generation:1', ttlMs: 60_000 });
    expect(ledger.balance(userId)).toEqual({ balance: 50, held: 20, available: 30 });
    expect(ledger.capture({ holdId: hold.id, amount: 999, description: 'Image Studio' })).toEqual({ captured: 20, applied: true });
    expect(ledger.balance(userId)).toEqual({ balance: 30, held: 0, available: 30 });
    expectReconciled();
  });

  it('charges a capture once even when it is retried', () => {
    ledger.grant({ userId, amount: 50, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    const hold = ledger.reserve({ userId, amount: 10, key: 'h', purpose: 'p', ttlMs: 60_000 });
    ledger.capture({ holdId: hold.id, amount: 7, description: 'x' });
    expect(ledger.capture({ holdId: hold.id, amount: 7, description: 'x' })).toEqual({ captured: 7, applied: false });
    expect(ledger.balance(userId).balance).toBe(43);
    expectReconciled();
  });

  it('refuses a hold beyond the available balance with 402 and changes nothing', () => {
    ledger.grant({ userId, amount: 5, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    expect(() => ledger.reserve({ userId, amount: 6, key: 'h', purpose: 'p', ttlMs: 1 })).toThrow(InsufficientCredits);
    expect(ledger.balance(userId)).toEqual({ balance: 5, held: 0, available: 5 });
    expect(db.prepare('SELECT COUNT(*) FROM credit_holds').pluck().get()).toBe(0);
  });

  it('answers the same hold for the same key, and refuses the key with other details', () => {
    ledger.grant({ userId, amount: 50, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    const a = ledger.reserve({ userId, amount: 10, key: 'h', purpose: 'p', ttlMs: 60_000 });
    expect(ledger.reserve({ userId, amount: 10, key: 'h', purpose: 'p', ttlMs: 60_000 }).id).toBe(a.id);
    expect(() => ledger.reserve({ userId, amount: 11, key: 'h', purpose: 'p', ttlMs: 60_000 })).toThrow(/different details/);
    expect(ledger.balance(userId).held).toBe(10);
  });

  it('never captures a released hold, and releasing twice is harmless', () => {
    ledger.grant({ userId, amount: 50, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    const hold = ledger.reserve({ userId, amount: 10, key: 'h', purpose: 'p', ttlMs: 60_000 });
    expect(ledger.release(hold.id, 'failed')).toEqual({ applied: true });
    expect(ledger.release(hold.id, 'failed')).toEqual({ applied: false });
    expect(() => ledger.capture({ holdId: hold.id, amount: 10, description: 'x' })).toThrow(/released/);
    expect(ledger.balance(userId)).toEqual({ balance: 50, held: 0, available: 50 });
    expectReconciled();
  });

  it('releases holds left pending past their expiry', () => {
    ledger.grant({ userId, amount: 50, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    ledger.reserve({ userId, amount: 10, key: 'h1', purpose: 'p', ttlMs: 1_000 });
    ledger.reserve({ userId, amount: 10, key: 'h2', purpose: 'p', ttlMs: 100_000 });
    clock += 5_000;
    expect(ledger.sweepExpiredHolds()).toBe(1);
    expect(ledger.balance(userId)).toEqual({ balance: 50, held: 10, available: 40 });
    expectReconciled();
  });

  it('claws back only what the wallet still has and records the shortfall', () => {
    ledger.grant({ userId, amount: 100, key: 'g', kind: 'purchase', from: 'sales', description: 'Pack' });
    const hold = ledger.reserve({ userId, amount: 80, key: 'h', purpose: 'p', ttlMs: 60_000 });
    ledger.capture({ holdId: hold.id, amount: 80, description: 'spent' });
    const res = ledger.clawBack({ userId, amount: 100, key: 'polar:order:1:refund:100', description: 'Refund' });
    expect(res).toEqual({ clawed: 20, shortfall: 80, applied: true });
    expect(ledger.balance(userId).balance).toBe(0);
    const meta = JSON.parse(db.prepare(`SELECT metadata FROM ledger_transactions WHERE kind = 'refund'`).pluck().get() as string);
    expect(meta).toMatchObject({ requested: 100, clawed: 20, shortfall: 80 });
    expect(ledger.clawBack({ userId, amount: 100, key: 'polar:order:1:refund:100', description: 'Refund' })).toEqual({ clawed: 20, shortfall: 80, applied: false });
    expectReconciled();
  });

  it('keeps entries append-only: the database refuses updates and deletes', () => {
    ledger.grant({ userId, amount: 10, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    expect(() => db.prepare('UPDATE ledger_entries SET amount = 1000').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_entries').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM ledger_transactions').run()).toThrow(/append-only/);
  });

  it('refuses, at the database, any write that would take a wallet below zero', () => {
    ledger.grant({ userId, amount: 10, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    const wallet = ledger.walletId(userId);
    expect(() => db.prepare('UPDATE ledger_accounts SET balance = -1 WHERE id = ?').run(wallet)).toThrow(/CHECK/);
    expect(() => db.prepare('UPDATE ledger_accounts SET held = 11 WHERE id = ?').run(wallet)).toThrow(/CHECK/);
  });

  it('reconciliation notices a cached balance that disagrees with the entries', () => {
    ledger.grant({ userId, amount: 10, key: 'g', kind: 'promo', from: 'promo', description: 'Promo' });
    db.prepare('UPDATE ledger_accounts SET balance = 9 WHERE id = ?').run(ledger.walletId(userId));
    const report = reconcileLedger(db);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/cached balance 9/);
  });

  it('grants signup credits once per identity, and only for verified emails', () => {
    expect(grantSignupCredits(ledger, { userId, issuer: 'i', subject: 's', emailVerified: false, amount: 10 })).toEqual({ granted: 0 });
    expect(grantSignupCredits(ledger, { userId, issuer: 'i', subject: 's', emailVerified: true, amount: 10 })).toEqual({ granted: 10 });
    expect(grantSignupCredits(ledger, { userId, issuer: 'i', subject: 's', emailVerified: true, amount: 10 })).toEqual({ granted: 0 });
    expect(ledger.balance(userId).balance).toBe(10);
  });
});
