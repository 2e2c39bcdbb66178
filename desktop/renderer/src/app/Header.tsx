import { AccountSlot } from '../account/AccountSlot.tsx';
import { StatusPill } from '../common/StatusPill.tsx';
import { useConnection } from '../stores/connection.ts';
import { AREAS, useNavigation } from '../stores/navigation.ts';

export function Header() {
  const area = useNavigation((s) => s.area);
  const go = useNavigation((s) => s.go);
  const status = useConnection((s) => s.status);
  const title = AREAS.find((a) => a.id === area)?.label ?? '';
  return (
    <header className="header">
      <h1 className="header-title">{title}</h1>
      <div className="header-slots">
        <StatusPill status={status} />
        <button type="button" className="credits-slot" onClick={() => go('credits')} data-slot="credits">
          <span aria-hidden="true">◎</span> — credits
        </button>
        <AccountSlot />
      </div>
    </header>
  );
}
