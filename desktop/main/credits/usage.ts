import type { CreditTransaction, CreditUsage } from '../../shared/ipc-types.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a moment, in UTC (the server's timestamps are UTC; days line up for everyone). */
export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Credits spent per tool per day over the last `days` days, from usage transactions (negative
 * amounts of kind 'usage'). Refunds and grants are not usage; a usage without a tool counts
 * as "other".
 */
export function summarizeUsage(items: CreditTransaction[], days: number, now: number, complete: boolean): CreditUsage {
  const dayList = Array.from({ length: days }, (_, i) => dayOf(now - (days - 1 - i) * DAY_MS));
  const index = new Map(dayList.map((d, i) => [d, i]));
  const perTool = new Map<string, number[]>();
  for (const item of items) {
    if (item.kind !== 'usage' || item.amount >= 0) continue;
    const i = index.get(item.created_at.slice(0, 10));
    if (i === undefined) continue;
    const tool = item.tool ?? 'other';
    const row = perTool.get(tool) ?? new Array<number>(days).fill(0);
    row[i]! += -item.amount;
    perTool.set(tool, row);
  }
  const tools = [...perTool.entries()]
    .map(([tool, perDay]) => ({ tool, perDay, total: perDay.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.tool.localeCompare(b.tool));
  return { days: dayList, tools, complete };
}
