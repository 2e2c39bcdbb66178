import { AccountSlot } from '../account/AccountSlot.tsx';
import { StatusPill } from '../common/StatusPill.tsx';
import { useConnection } from '../stores/connection.ts';
import { formatCredits, useCredits } from '../stores/credits.ts';
import { AREAS, useNavigation } from '../stores/navigation.ts';

export function Header() {
  const area = useNavigation((s) => s.area);
  const go = useNavigation((s) => s.go);
  const status = useConnection((s) => s.status);
  const credits = useCredits((s) => s.state);
  const title = AREAS.find((a) => a.id === area)?.label ?? '';
  return (
    <header className="header">
      <h1 className="header-title">{title}</h1>
      <div className="header-slots">
        <StatusPill status={status} />
        <button
          type="button"
          className="credits-slot"
          onClick={() => go('credits')}
          data-slot="credits"
          aria-label={credits?.signedIn ? `${credits.available} credits available` : 'Credits'}
          title={credits?.signedIn && credits.held > 0 ? `${formatCredits(credits.held)} held for work in progress` : undefined}
        >
          <span aria-hidden="true">◎</span> {credits?.signedIn ? `${formatCredits(credits.available)} credits` : '—'}
          {credits?.signedIn && credits.purchase?.state === 'waiting' ? <span className="spinner small" aria-label="waiting for payment" /> : null}
        </button>
        <AccountSlot />
      </div>
    </header>
  );
}
