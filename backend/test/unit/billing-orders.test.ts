import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clawbackTarget } from '../../src/billing/orders.ts';

describe('how much a refund claws back', () => {
  it('takes back the share of credits matching the share of money refunded, rounded down', () => {
    expect(clawbackTarget(500, 500, 2000, false)).toBe(125);
    expect(clawbackTarget(100, 333, 500, false)).toBe(66);
    expect(clawbackTarget(100, 0, 500, false)).toBe(0);
  });

  it('takes back the whole pack on a full refund, whatever the rounding', () => {
    expect(clawbackTarget(100, 500, 500, false)).toBe(100);
    expect(clawbackTarget(100, 499, 500, true)).toBe(100);
    expect(clawbackTarget(7, 10_000, 3, false)).toBe(7);
  });

  it('never takes more than the pack, and never less as the refunded amount grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (credits, paid, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const tLo = clawbackTarget(credits, lo, paid, false);
        const tHi = clawbackTarget(credits, hi, paid, false);
        expect(tLo).toBeGreaterThanOrEqual(0);
        expect(tHi).toBeLessThanOrEqual(credits);
        expect(tHi).toBeGreaterThanOrEqual(tLo);
      }),
    );
  });
});
