/** One row of choice chips (style, aspect ratio, count): buttons with aria-pressed, reachable by Tab. */
export function Chips<T extends string | number | null>({ label, choices, value, render, onChoose }: { label: string; choices: readonly T[]; value: T; render: (c: T) => string; onChoose: (c: T) => void }) {
  return (
    <div className="chips" role="group" aria-label={label}>
      <span className="chips-label">{label}</span>
      {choices.map((c) => (
        <button key={String(c)} type="button" className={`chip${c === value ? ' on' : ''}`} aria-pressed={c === value} onClick={() => onChoose(c)}>
          {render(c)}
        </button>
      ))}
    </div>
  );
}
