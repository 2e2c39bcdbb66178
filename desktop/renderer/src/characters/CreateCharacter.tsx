import { useEffect, useRef, useState } from 'react';
import { useFileDrop } from '../common/useFileDrop.ts';
import { CHARACTER_TYPES, MAX_CHARACTER_PHOTOS, MIN_CHARACTER_PHOTOS, type CharacterType } from '../../../shared/character-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { useCharacters } from '../stores/characters.ts';
import { ErrorNotice } from '../studio/ErrorNotice.tsx';
import { credits } from '../studio/useQuote.ts';
import { readPicks, usablePicks, type PhotoPick } from './photo-picks.ts';

const TYPE_LABELS: Record<CharacterType, string> = { person: 'Person', pet: 'Pet', product: 'Product', style: 'Art style' };

const GUIDANCE: Record<CharacterType, string[]> = {
  person: ['Only this person in each photo, face clearly visible', 'Different angles, expressions, outfits and backgrounds', 'Sharp and well lit; no sunglasses, filters or heavy make-up'],
  pet: ['Only this pet in each photo', 'Different poses, angles and places', 'Sharp photos at the pet’s eye level'],
  product: ['The product alone, filling much of the frame', 'Several angles and lighting setups', 'Plain and varied backgrounds both help'],
  style: ['Images that share one consistent style', 'Varied subjects, so the style is learned, not the subject', 'The best-quality examples you have'],
};

/** The "new character" form: name, type, photos (drop, paste or choose), guidance and the price. */
export function CreateCharacter({ canTrain }: { canTrain: boolean }) {
  const trainingCost = useCharacters((s) => s.trainingCost);
  const [name, setName] = useState('');
  const [type, setType] = useState<CharacterType>('person');
  const [picks, setPicks] = useState<PhotoPick[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | undefined>();
  const [started, setStarted] = useState<string | undefined>();
  const { dragging, dropProps } = useFileDrop((files) => void add(files));
  const fileInput = useRef<HTMLInputElement>(null);
  const picksRef = useRef(picks);
  picksRef.current = picks;

  const add = async (files: File[]) => {
    if (files.length === 0) return;
    setPicks(await readPicks(files, picksRef.current));
  };
  const removePick = (key: string) => {
    const gone = picks.find((p) => p.key === key);
    if (gone) URL.revokeObjectURL(gone.url);
    setPicks(picks.filter((p) => p.key !== key));
  };

  // Paste photos anywhere on the page (Ctrl/Cmd+V), as in the studio.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith('image/'));
      if (files.length > 0) {
        e.preventDefault();
        void add(files);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);
  useEffect(() => () => picksRef.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const usable = usablePicks(picks);
  const bad = picks.length - usable.length;
  const countOk = usable.length >= MIN_CHARACTER_PHOTOS && usable.length <= MAX_CHARACTER_PHOTOS;
  const ready = canTrain && countOk && bad === 0 && name.trim() !== '' && !busy;
  const countLine =
    usable.length < MIN_CHARACTER_PHOTOS
      ? `${usable.length} of at least ${MIN_CHARACTER_PHOTOS} photos`
      : usable.length > MAX_CHARACTER_PHOTOS
        ? `${usable.length} photos: remove ${usable.length - MAX_CHARACTER_PHOTOS} (at most ${MAX_CHARACTER_PHOTOS})`
        : `${usable.length} photos ✓`;

  const submit = async () => {
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    const res = await useCharacters.getState().create({ name: name.trim(), type, photos: usable.map((p) => ({ name: p.name, bytes: p.bytes })) });
    setBusy(false);
    if (!res.ok) {
      setError(res.error);
      return;
    }
    picks.forEach((p) => URL.revokeObjectURL(p.url));
    setPicks([]);
    setName('');
    setStarted(res.character.name);
  };

  return (
    <section className="character-create card" aria-label="New character">
      <h2>New character</h2>
      {started && (
        <div className="notice notice-ok" role="status">
          <strong>Training {started}…</strong>
          <span>This takes a few minutes. You will get a notification when it is ready, even with the window closed.</span>
        </div>
      )}
      <label className="field">
        <span>Name</span>
        <input type="text" value={name} maxLength={60} placeholder="e.g. Ada, Biscuit, Blue sneaker" onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset className="field">
        <legend>What is it?</legend>
        <div className="chips" role="radiogroup" aria-label="Character type">
          {CHARACTER_TYPES.map((t) => (
            <button key={t} type="button" role="radio" aria-checked={type === t} className={`chip${type === t ? ' active' : ''}`} onClick={() => setType(t)}>
              {TYPE_LABELS[t]}
            </button>
          ))}
        </div>
      </fieldset>
      <div
        className={`photo-drop${dragging ? ' dragging' : ''}`}
        role="button"
        tabIndex={0}
        aria-label="Add photos: drop them here, paste, or press Enter to choose"
        onClick={() => fileInput.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && fileInput.current?.click()}
        {...dropProps}
      >
        <strong>Drop {MIN_CHARACTER_PHOTOS}–{MAX_CHARACTER_PHOTOS} photos here</strong>
        <span className="muted">or click to choose, or paste · PNG, JPEG or WebP, up to 15 MB each</span>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          multiple
          hidden
          data-testid="character-photos"
          onChange={(e) => {
            void add([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      {picks.length > 0 && (
        <ul className="photo-picks" aria-label="Chosen photos">
          {picks.map((p) => (
            <li key={p.key} className={`photo-pick${p.problem ? ' bad' : p.warning ? ' warn' : ''}`}>
              {p.problem ? <div className="photo-broken">✕</div> : <img src={p.url} alt={p.name} />}
              <button type="button" className="photo-remove" aria-label={`Remove ${p.name}`} onClick={() => removePick(p.key)}>
                ×
              </button>
              {(p.problem ?? p.warning) && <span className="photo-note">{p.problem ?? p.warning}</span>}
            </li>
          ))}
        </ul>
      )}
      <p className={`photo-count${countOk && bad === 0 ? ' good' : ''}`} aria-live="polite">
        {countLine}
        {bad > 0 && ` · remove ${bad} that cannot be used`}
      </p>
      <details className="guidance" open={picks.length === 0}>
        <summary>What makes good photos</summary>
        <ul>
          {GUIDANCE[type].map((g) => (
            <li key={g}>{g}</li>
          ))}
          <li>Photos are used only for training and deleted afterwards; the trained character stays until you delete it.</li>
        </ul>
      </details>
      {error && <ErrorNotice error={error} />}
      <div className="generate-row">
        <span className="muted">{trainingCost !== undefined ? `Training costs ${credits(trainingCost)}, charged only if it succeeds.` : ''}</span>
        <button type="button" className="button primary generate" disabled={!ready} onClick={() => void submit()}>
          {busy ? 'Uploading…' : `Train character${trainingCost !== undefined ? ` · ${credits(trainingCost)}` : ''}`}
        </button>
      </div>
    </section>
  );
}
