import { useState } from 'react';
import { mainApi } from '../../common/pp.ts';

/** The danger zone: erasure needs the word DELETE typed, and says exactly what happens. */
export function DeleteAccount({ onDeleted }: { onDeleted: () => void }) {
  const [typed, setTyped] = useState('');
  const [deleteLocalGallery, setDeleteLocalGallery] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'deleting' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function erase() {
    setState({ kind: 'deleting' });
    const res = await mainApi().privacy.deleteAccount({ confirm: 'DELETE', deleteLocalGallery });
    if (res.ok) onDeleted();
    else setState({ kind: 'error', message: res.error.message });
  }

  return (
    <div className="stack">
      <p>
        Deleting your account signs you out everywhere and deletes your profile, sessions, prompt logs and messages. Credit
        transactions are kept as tax law requires, no longer linked to you. Unused credits are lost.
      </p>
      <label className="check">
        <input type="checkbox" checked={deleteLocalGallery} onChange={(e) => setDeleteLocalGallery(e.target.checked)} />
        Also delete the images in my gallery on this computer
      </label>
      <label>
        Type DELETE to confirm
        <input value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Type DELETE to confirm" autoComplete="off" />
      </label>
      <div className="row-end">
        {state.kind === 'error' && <span role="alert" className="error-text">{state.message}</span>}
        <button type="button" className="btn danger" disabled={typed !== 'DELETE' || state.kind === 'deleting'} onClick={() => void erase()}>
          {state.kind === 'deleting' ? 'Deleting…' : 'Delete my account'}
        </button>
      </div>
    </div>
  );
}
