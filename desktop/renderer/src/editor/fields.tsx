import type { ReactNode } from 'react';
import { useEditor } from './store.ts';

/**
 * Small labelled controls for the properties panel. Dragging a slider is one undo step: each
 * change carries a coalesce key, and releasing the pointer (or leaving the field) seals it.
 */
const endGesture = () => useEditor.getState().endGesture();

export function NumberField({ label, value, min, max, step = 1, onChange, suffix }: { label: string; value: number; min: number; max: number; step?: number; onChange: (v: number) => void; suffix?: string }) {
  const set = (raw: string) => {
    const v = Number(raw);
    if (raw !== '' && Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
  };
  return (
    <label className="field field-number">
      <span>{label}</span>
      <input type="range" min={min} max={max} step={step} value={Math.min(max, Math.max(min, value))} onChange={(e) => set(e.target.value)} onPointerUp={endGesture} onKeyUp={endGesture} aria-label={`${label} slider`} />
      <input type="number" min={min} max={max} step={step} value={Math.round(value * 100) / 100} onChange={(e) => set(e.target.value)} onBlur={endGesture} aria-label={label} />
      {suffix && <em>{suffix}</em>}
    </label>
  );
}

export function ColorField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <label className="field field-color">
      <span>{label}</span>
      <input type="color" value={value} onChange={(e) => onChange(e.target.value)} onBlur={endGesture} aria-label={label} />
      <code>{value}</code>
    </label>
  );
}

export function Toggle({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="field field-toggle">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="props-section">
      <header>
        <h3>{title}</h3>
        {aside}
      </header>
      {children}
    </section>
  );
}
