import { useRef, useState } from 'react';

/**
 * The prompt, with the user's earlier prompts one keystroke away: ↑ at the start of the box
 * steps back through history, ↓ at the end steps forward; the History menu lists them all.
 */
export function PromptBox({ value, onChange, history, maxLength }: { value: string; onChange: (v: string) => void; history: string[]; maxLength?: number | undefined }) {
  const [cursor, setCursor] = useState(-1);
  const [draft, setDraft] = useState('');
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  const step = (dir: 1 | -1) => {
    const next = cursor + dir;
    if (next < -1 || next >= history.length) return false;
    if (cursor === -1) setDraft(value);
    setCursor(next);
    onChange(next === -1 ? draft : history[next]!);
    return true;
  };

  return (
    <div className="prompt-box">
      <textarea
        ref={ref}
        className="prompt-input"
        aria-label="Prompt"
        placeholder="Describe the image you want…"
        rows={3}
        maxLength={maxLength}
        value={value}
        onChange={(e) => {
          setCursor(-1);
          onChange(e.target.value);
        }}
        onKeyDown={(e) => {
          const el = e.currentTarget;
          if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
          if (e.key === 'ArrowUp' && el.selectionStart === 0 && el.selectionEnd === 0 && step(1)) e.preventDefault();
          if (e.key === 'ArrowDown' && el.selectionStart === el.value.length && cursor >= 0 && step(-1)) e.preventDefault();
        }}
      />
      <div className="prompt-tools">
        <button type="button" className="link" aria-expanded={open} aria-haspopup="listbox" disabled={history.length === 0} onClick={() => setOpen(!open)}>
          History ({history.length})
        </button>
        {maxLength !== undefined && <span className="muted small">{value.length}/{maxLength}</span>}
      </div>
      {open && (
        <ul className="history-menu" role="listbox" aria-label="Earlier prompts">
          {history.map((p) => (
            <li key={p} role="option" aria-selected={p === value}>
              <button
                type="button"
                onClick={() => {
                  onChange(p);
                  setOpen(false);
                  setCursor(-1);
                  ref.current?.focus();
                }}
              >
                {p}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
