import type { CatalogTool } from '../../../shared/studio-types.ts';
import { studioModels, useStudio } from '../stores/studio.ts';
import { Chips, FieldControl, humanOption } from './FieldControl.tsx';
import { fieldsOf, firstField, priceLabel, STUDIO_FIELDS, type FieldSpec } from './schema-form.ts';

/** A swatch per style preset, derived from its name, so presets are told apart at a glance. */
function styleSwatch(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) % 360;
  return `linear-gradient(135deg, hsl(${h} 70% 60%), hsl(${(h + 60) % 360} 65% 45%))`;
}

const LAID_OUT = new Set<string>([STUDIO_FIELDS.prompt, STUDIO_FIELDS.negativePrompt, STUDIO_FIELDS.aspectRatio, STUDIO_FIELDS.seed, ...STUDIO_FIELDS.count, ...STUDIO_FIELDS.style, ...STUDIO_FIELDS.safety]);

/** The studio's right column: model, aspect ratio, count, style, safety, seed, and anything else the model takes. */
export function StudioOptions({ tool }: { tool: CatalogTool }) {
  const catalog = useStudio((s) => s.catalog);
  const values = useStudio((s) => s.values);
  const seedLocked = useStudio((s) => s.seedLocked);
  const { chooseTool, setValue, setSeedLocked } = useStudio.getState();
  const fields = new Map(fieldsOf(tool.params).map((f) => [f.name, f]));
  const field = (names: string | readonly string[]): FieldSpec | undefined => {
    const name = typeof names === 'string' ? (fields.has(names) ? names : undefined) : firstField(tool, names);
    return name ? fields.get(name) : undefined;
  };
  const aspect = field(STUDIO_FIELDS.aspectRatio);
  const count = field(STUDIO_FIELDS.count);
  const style = field(STUDIO_FIELDS.style);
  const safety = field(STUDIO_FIELDS.safety);
  const seed = field(STUDIO_FIELDS.seed);
  const extra = [...fields.values()].filter((f) => !LAID_OUT.has(f.name));

  return (
    <aside className="studio-options" aria-label="Options">
      <fieldset className="field">
        <legend>Model</legend>
        <div className="model-list" role="radiogroup" aria-label="Model">
          {studioModels(catalog).map((m) => (
            <button
              key={m.id}
              type="button"
              role="radio"
              aria-checked={m.id === tool.id}
              className={m.id === tool.id ? 'model active' : 'model'}
              title={m.description}
              onClick={() => chooseTool(m.id)}
            >
              <span className="model-name">{m.name}</span>
              <span className="model-price">{priceLabel(m.pricing) ?? ''}</span>
              {/* Only the chosen model's description, so every option fits without scrolling. */}
              {m.id === tool.id && m.description && <span className="model-desc">{m.description}</span>}
            </button>
          ))}
        </div>
      </fieldset>
      {aspect?.options && (
        <fieldset className="field">
          <legend>Aspect ratio</legend>
          <Chips label="Aspect ratio" options={aspect.options} labels={aspect.optionLabels} value={values[aspect.name]} onChange={(v) => setValue(aspect.name, v)} />
        </fieldset>
      )}
      {count && (
        <fieldset className="field">
          <legend>Images</legend>
          <Chips
            label="Number of images"
            options={count.options ?? range(count.min ?? 1, Math.min(count.max ?? 4, 8))}
            value={values[count.name]}
            onChange={(v) => setValue(count.name, v)}
          />
        </fieldset>
      )}
      {style?.options && (
        <fieldset className="field">
          <legend>Style</legend>
          <div className="styles" role="radiogroup" aria-label="Style">
            {!style.required && !style.options.includes('none') && <StyleCard label="None" selected={values[style.name] === undefined} swatch="var(--surface-2)" onClick={() => setValue(style.name, undefined)} />}
            {style.options.map((o, i) => (
              <StyleCard key={String(o)} label={style.optionLabels?.[i] ?? humanOption(o)} selected={values[style.name] === o} swatch={o === 'none' ? 'var(--surface-2)' : styleSwatch(String(o))} onClick={() => setValue(style.name, o)} />
            ))}
          </div>
        </fieldset>
      )}
      {safety?.options && (
        <fieldset className="field">
          <legend>Safety</legend>
          <Chips label="Safety level" options={safety.options} labels={safety.optionLabels} value={values[safety.name]} onChange={(v) => setValue(safety.name, v)} />
        </fieldset>
      )}
      {seed && (
        <fieldset className="field seed">
          <legend>Seed</legend>
          <div className="seed-row">
            <Chips label="Seed mode" options={['random', 'locked']} value={seedLocked ? 'locked' : 'random'} onChange={(v) => setSeedLocked(v === 'locked')} />
            <input
              type="number"
              aria-label="Seed"
              min={seed.min ?? 0}
              max={seed.max}
              disabled={!seedLocked}
              value={seedLocked && typeof values.seed === 'number' ? values.seed : ''}
              placeholder="random"
              onChange={(e) => setValue('seed', e.target.value === '' ? undefined : Number(e.target.value))}
            />
          </div>
        </fieldset>
      )}
      {extra.map((f) => (
        <FieldControl key={f.name} idPrefix="studio" field={f} value={values[f.name]} onChange={(v) => setValue(f.name, v)} />
      ))}
    </aside>
  );
}

function StyleCard({ label, selected, swatch, onClick }: { label: string; selected: boolean; swatch: string; onClick: () => void }) {
  return (
    <button type="button" role="radio" aria-checked={selected} className={selected ? 'style-card active' : 'style-card'} onClick={onClick}>
      <span className="style-swatch" style={{ background: swatch }} aria-hidden="true" />
      <span>{label}</span>
    </button>
  );
}

const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
