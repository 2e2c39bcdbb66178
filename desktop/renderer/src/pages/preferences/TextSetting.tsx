import { useEffect, useState } from 'react';

/**
 * A text preference saved on Enter or when focus leaves; Esc restores the saved value.
 * A refused value stays in the field (with the error beside it) so the user can fix it.
 */
export function TextSetting({ id, value, placeholder, onCommit }: { id: string; value: string; placeholder?: string; onCommit: (v: string) => Promise<boolean> }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) void onCommit(draft);
  };
  return (
    <input
      id={id}
      className="text-input"
      value={draft}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(value);
      }}
    />
  );
}
