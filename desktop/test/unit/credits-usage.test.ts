import { describe, expect, it } from 'vitest';
import { summarizeUsage } from '../../main/credits/usage.ts';
import type { CreditTransaction } from '../../shared/ipc-types.ts';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const tx = (created_at: string, kind: string, amount: number, tool?: string): CreditTransaction => ({
  id: `${created_at}${amount}`,
  kind,
  amount,
  balance_after: 0,
  created_at,
  description: 'x',
  ...(tool ? { tool } : {}),
});

describe('usage by tool per day for the chart', () => {
  it('sums spending per tool per day, oldest day first, biggest tool first', () => {
    const usage = summarizeUsage(
      [
        tx('2026-11-24T09:00:00.000Z', 'usage', -8, 'image-studio'),
        tx('2026-11-24T08:00:00.000Z', 'usage', -8, 'image-studio'),
        tx('2026-11-23T10:00:00.000Z', 'usage', -4, 'upscale'),
        tx('2026-11-22T10:00:00.000Z', 'usage', -30, 'character-training'),
        tx('2026-11-22T11:00:00.000Z', 'usage', -1),
      ],
      3,
      NOW,
      true,
    );
    expect(usage.days).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    expect(usage.tools).toEqual([
      { tool: 'character-training', perDay: [30, 0, 0], total: 30 },
      { tool: 'image-studio', perDay: [0, 0, 16], total: 16 },
      { tool: 'upscale', perDay: [0, 4, 0], total: 4 },
      { tool: 'other', perDay: [1, 0, 0], total: 1 },
    ]);
  });

  it('leaves out purchases, grants, refunds and days outside the window', () => {
    const usage = summarizeUsage(
      [
        tx('2026-11-24T09:00:00.000Z', 'purchase', 500),
        tx('2026-11-24T09:00:00.000Z', 'refund', -100),
        tx('2026-11-24T09:00:00.000Z', 'promo', 50),
        tx('2026-11-01T09:00:00.000Z', 'usage', -8, 'image-studio'),
      ],
      7,
      NOW,
      false,
    );
    expect(usage.tools).toEqual([]);
    expect(usage.complete).toBe(false);
  });
});
