import type { CreditUsage } from '../../../../shared/ipc-types.ts';
import { formatCredits } from '../../stores/credits.ts';
import { SERIES_COLORS, toolName } from './tools.ts';

const W = 640;
const H = 200;
const PAD = { top: 12, right: 8, bottom: 26, left: 40 };

/** Rounds the axis maximum up to a tidy number so gridlines land on readable values. */
function niceMax(value: number): number {
  if (value <= 5) return 5;
  const pow = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= value) return step * pow;
  return 10 * pow;
}

/** Credits spent per day, stacked by tool: a small hand-written SVG chart (no chart library). */
export function UsageChart({ usage }: { usage: CreditUsage }) {
  const days = usage.days.length;
  const totals = usage.days.map((_, i) => usage.tools.reduce((sum, t) => sum + (t.perDay[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, days);
  const barW = Math.max(4, slot * 0.62);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f));
  const spent = totals.reduce((a, b) => a + b, 0);

  if (spent === 0) {
    return <p className="muted chart-empty">No credits spent in the last {days} days. What you spend on each tool will show here.</p>;
  }
  return (
    <figure className="usage-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Credits spent per day over the last ${days} days, by tool`}>
        {grid.map((g) => (
          <g key={g}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(g) + 4} textAnchor="end" className="chart-axis">
              {g}
            </text>
          </g>
        ))}
        {usage.days.map((day, i) => {
          let base = 0;
          const x = PAD.left + i * slot + (slot - barW) / 2;
          return (
            <g key={day}>
              {usage.tools.map((t, ti) => {
                const v = t.perDay[i] ?? 0;
                if (v === 0) return null;
                const top = y(base + v);
                const rect = (
                  <rect key={t.tool} x={x} y={top} width={barW} height={y(base) - top} rx={2} fill={SERIES_COLORS[ti % SERIES_COLORS.length]}>
                    <title>{`${day} · ${toolName(t.tool)}: ${formatCredits(v)} credits`}</title>
                  </rect>
                );
                base += v;
                return rect;
              })}
              {(days - 1 - i) % Math.ceil(days / 7) === 0 ? (
                <text x={x + barW / 2} y={H - 8} textAnchor="middle" className="chart-axis">
                  {new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {usage.tools.map((t, ti) => (
          <span key={t.tool} className="legend-item">
            <span className="legend-swatch" style={{ background: SERIES_COLORS[ti % SERIES_COLORS.length] }} />
            {toolName(t.tool)} <span className="muted">{formatCredits(t.total)}</span>
          </span>
        ))}
        {!usage.complete ? <span className="muted">(older days may be incomplete)</span> : null}
      </figcaption>
    </figure>
  );
}
