import { AREAS, useNavigation } from '../stores/navigation.ts';

const GROUPS = [
  { id: 'create', label: 'Create' },
  { id: 'library', label: 'Library' },
  { id: 'account', label: 'Account' },
] as const;

export function Sidebar() {
  const area = useNavigation((s) => s.area);
  const go = useNavigation((s) => s.go);
  return (
    <nav className="sidebar" aria-label="PromptPixels areas">
      <div className="brand">
        <span className="brand-mark">◆</span> PromptPixels
      </div>
      {GROUPS.map((group) => (
        <div key={group.id} className="nav-group">
          <div className="nav-group-label">{group.label}</div>
          {AREAS.filter((a) => a.group === group.id).map((a) => (
            <button
              key={a.id}
              type="button"
              className={a.id === area ? 'nav-item active' : 'nav-item'}
              aria-current={a.id === area ? 'page' : undefined}
              onClick={() => go(a.id)}
            >
              <span className="nav-icon" aria-hidden="true">
                {a.icon}
              </span>
              {a.label}
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
