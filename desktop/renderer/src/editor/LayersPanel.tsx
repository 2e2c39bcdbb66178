import { DuplicateIcon, EyeIcon, LockIcon } from './icons.tsx';
import { useEditor } from './store.ts';

/** The layer list, front-most first: select, show/hide, lock, reorder, duplicate, delete. */
export function LayersPanel() {
  const layers = useEditor((s) => s.history?.present.layers ?? []);
  const selectedId = useEditor((s) => s.selectedId);
  const e = useEditor.getState;
  return (
    <div className="layers" aria-label="Layers">
      <header>
        <h3>Layers</h3>
        <button type="button" className="btn-small" onClick={() => e().addText()} title="Add text (T)">+ Text</button>
      </header>
      {layers.length === 0 && <p className="muted">No text yet.</p>}
      <ul>
        {[...layers].reverse().map((l, i) => (
          <li key={l.id} className={`layer-row${l.id === selectedId ? ' selected' : ''}${l.visible ? '' : ' hidden-layer'}`}>
            <button type="button" className="icon" aria-label={l.visible ? `Hide ${l.name}` : `Show ${l.name}`} aria-pressed={!l.visible} onClick={() => e().update(l.id, { visible: !l.visible })}><EyeIcon off={!l.visible} /></button>
            <button type="button" className="icon" aria-label={l.locked ? `Unlock ${l.name}` : `Lock ${l.name}`} aria-pressed={l.locked} onClick={() => e().update(l.id, { locked: !l.locked })}><LockIcon locked={l.locked} /></button>
            <button type="button" className="layer-name" onClick={() => e().select(l.id)} onDoubleClick={() => e().edit(l.id)} aria-current={l.id === selectedId}>
              <span>{l.text.split('\n')[0] || l.name}</span>
            </button>
            <button type="button" className="icon" aria-label={`Move ${l.name} up`} disabled={i === 0} onClick={() => e().move(l.id, 1)}>▲</button>
            <button type="button" className="icon" aria-label={`Move ${l.name} down`} disabled={i === layers.length - 1} onClick={() => e().move(l.id, -1)}>▼</button>
            <button type="button" className="icon" aria-label={`Duplicate ${l.name}`} onClick={() => e().duplicate(l.id)}><DuplicateIcon /></button>
            <button type="button" className="icon danger" aria-label={`Delete ${l.name}`} onClick={() => e().remove(l.id)}>✕</button>
          </li>
        ))}
      </ul>
    </div>
  );
}
