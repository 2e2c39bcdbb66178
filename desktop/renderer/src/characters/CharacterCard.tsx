import { useState } from 'react';
import type { CharacterSummary } from '../../../shared/character-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { formatEta, useCharacters } from '../stores/characters.ts';
import { ErrorNotice } from '../studio/ErrorNotice.tsx';
import { credits } from '../studio/useQuote.ts';

const TYPE_NOUN = { person: 'Person', pet: 'Pet', product: 'Product', style: 'Art style' } as const;

/** One character: live training progress and ETA, then "generate" and "avatar pack", or why it failed. */
export function CharacterCard({ character, canGenerate, packCost }: { character: CharacterSummary; canGenerate: boolean; packCost: number | undefined }) {
  const [prompt, setPrompt] = useState('');
  const [busy, setBusy] = useState<'image' | 'avatar-pack' | 'delete' | undefined>();
  const [error, setError] = useState<IpcError | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { generate, remove } = useCharacters.getState();

  const run = async (kind: 'image' | 'avatar-pack') => {
    setBusy(kind);
    setError(await generate(kind === 'image' ? { id: character.id, kind, prompt: prompt.trim() } : { id: character.id, kind }));
    setBusy(undefined);
  };
  const progress = Math.round(character.progress ?? 0);

  return (
    <article className={`character-card card character-${character.status}`} aria-label={`Character ${character.name}`} data-character-status={character.status}>
      <header className="character-head">
        <div>
          <h3>{character.name}</h3>
          <span className="muted small">
            {TYPE_NOUN[character.type]} · {character.photoCount} photos
            {character.status === 'ready' && ` · trained for ${credits(character.cost)}`}
          </span>
        </div>
        {confirmDelete ? (
          <div className="confirm" role="alertdialog" aria-label="Delete this character?">
            <span>Delete {character.name}? {character.status === 'training' ? 'Training stops; nothing is charged.' : 'Images already in your gallery stay.'}</span>
            <button
              type="button"
              className="button small danger"
              disabled={busy === 'delete'}
              onClick={async () => {
                setBusy('delete');
                const failed = await remove(character.id);
                setBusy(undefined);
                if (failed) setError(failed);
                setConfirmDelete(false);
              }}
            >
              Delete
            </button>
            <button type="button" className="button small ghost" onClick={() => setConfirmDelete(false)}>
              Keep
            </button>
          </div>
        ) : (
          <button type="button" className="button small ghost" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        )}
      </header>

      {character.status === 'training' && (
        <div className="training" aria-live="polite">
          <div className="progress" role="progressbar" aria-label={`Training ${character.name}`} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
            <div className="progress-fill" style={{ width: `${Math.max(3, progress)}%` }} />
          </div>
          <span className="muted small">
            Training · {progress}% · {formatEta(character.etaS)} · {credits(character.cost)} held
          </span>
        </div>
      )}

      {character.status === 'failed' && (
        <div className="notice notice-error" role="status">
          <strong>Training failed.</strong>
          <span>{character.error?.message ?? 'Nothing was charged.'}</span>
        </div>
      )}

      {character.status === 'ready' && (
        <form
          className="character-generate"
          onSubmit={(e) => {
            e.preventDefault();
            if (prompt.trim()) void run('image');
          }}
        >
          <input
            type="text"
            value={prompt}
            maxLength={2000}
            aria-label={`Prompt for ${character.name}`}
            placeholder={`${character.name} as… (write @ where ${character.name} goes)`}
            onChange={(e) => setPrompt(e.target.value)}
          />
          <button type="submit" className="button primary" disabled={!canGenerate || !prompt.trim() || busy !== undefined}>
            {busy === 'image' ? 'Starting…' : 'Generate'}
          </button>
          <button type="button" className="button" disabled={!canGenerate || busy !== undefined} onClick={() => void run('avatar-pack')}>
            {busy === 'avatar-pack' ? 'Starting…' : `Avatar pack${packCost !== undefined ? ` · ${credits(packCost)}` : ''}`}
          </button>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </article>
  );
}
