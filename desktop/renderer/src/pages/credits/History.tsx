import type { CreditTransaction } from '../../../../shared/ipc-types.ts';
import { formatCredits } from '../../stores/credits.ts';
import { kindLabel, toolName } from './tools.ts';

/** Every credit in and out, newest first, with "Load more" paging. */
export function History({
  items,
  hasMore,
  loading,
  onMore,
}: {
  items: CreditTransaction[];
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  if (items.length === 0 && !loading) return <p className="muted">No transactions yet.</p>;
  return (
    <>
      <table className="history" aria-label="Credit transactions">
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">What</th>
            <th scope="col">Type</th>
            <th scope="col" className="num">Credits</th>
            <th scope="col" className="num">Balance</th>
          </tr>
        </thead>
        <tbody>
          {items.map((t) => (
            <tr key={`${t.id}:${t.amount}`} data-kind={t.kind}>
              <td className="muted">{new Date(t.created_at).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td>
                {t.description}
                {t.tool && !t.description.toLowerCase().includes(toolName(t.tool).toLowerCase()) ? <span className="muted"> · {toolName(t.tool)}</span> : null}
              </td>
              <td>
                <span className={`kind kind-${t.kind}`}>{kindLabel(t.kind)}</span>
              </td>
              <td className={t.amount >= 0 ? 'num plus' : 'num minus'}>
                {t.amount >= 0 ? '+' : '−'}
                {formatCredits(Math.abs(t.amount))}
              </td>
              <td className="num muted">{formatCredits(t.balance_after)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasMore ? (
        <button type="button" className="button load-more" onClick={onMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </>
  );
}
