import type { FieldSpec } from './schema-form.ts';

/** One form control for a schema field: chips for short choices, a select for long ones. */
export function FieldControl({ field, value, onChange, idPrefix }: { field: FieldSpec; value: unknown; onChange: (v: unknown) => void; idPrefix: string }) {
  const id = `${idPrefix}-${field.name}`;
  if (field.kind === 'choice') {
    const options = field.options ?? [];
    if (options.length <= 6) {
      return (
        <fieldset className="field">
          <legend>{field.label}</legend>
          <Chips label={field.label} options={options} labels={field.optionLabels} value={value} onChange={onChange} />
        </fieldset>
      );
    }
    return (
      <label className="field" htmlFor={id}>
        <span>{field.label}</span>
        <select id={id} value={value === undefined ? '' : String(value)} onChange={(e) => onChange(options.find((o) => String(o) === e.target.value))}>
          {!field.required && <option value="">Any</option>}
          {options.map((o, i) => (
            <option key={String(o)} value={String(o)}>
              {field.optionLabels?.[i] ?? humanOption(o)}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (field.kind === 'boolean') {
    return (
      <label className="field field-check" htmlFor={id}>
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        <span>{field.label}</span>
      </label>
    );
  }
  if (field.kind === 'integer' || field.kind === 'number') {
    return (
      <label className="field" htmlFor={id}>
        <span>{field.label}</span>
        <input
          id={id}
          type="number"
          min={field.min}
          max={field.max}
          step={field.kind === 'integer' ? 1 : 'any'}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      </label>
    );
  }
  return (
    <label className="field" htmlFor={id}>
      <span>{field.label}</span>
      {field.kind === 'prompt' ? (
        <textarea id={id} rows={2} maxLength={field.maxLength} value={typeof value === 'string' ? value : ''} placeholder={field.description} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" maxLength={field.maxLength} value={typeof value === 'string' ? value : ''} placeholder={field.description} onChange={(e) => onChange(e.target.value)} />
      )}
    </label>
  );
}

export const humanOption = (o: string | number) => (typeof o === 'number' ? String(o) : (o.charAt(0).toUpperCase() + o.slice(1)).replace(/[_-]+/g, ' '));

export function Chips({ label, options, labels, value, onChange }: { label: string; options: (string | number)[]; labels?: string[] | undefined; value: unknown; onChange: (v: unknown) => void }) {
  return (
    <div className="chips" role="radiogroup" aria-label={label}>
      {options.map((o, i) => (
        <button key={String(o)} type="button" role="radio" aria-checked={value === o} className={value === o ? 'chip active' : 'chip'} onClick={() => onChange(o)}>
          {labels?.[i] ?? humanOption(o)}
        </button>
      ))}
    </div>
  );
}
