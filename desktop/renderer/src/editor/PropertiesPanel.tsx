import { useRef } from 'react';
import type { LayerPatch, TextLayer } from './core/document.ts';
import { STYLE_PRESETS } from './core/presets.ts';
import { ColorField, NumberField, Section, Toggle } from './fields.tsx';
import { BUNDLED_FONTS, familyFromFileName, FONT_FILE_ACCEPT, registerFontBytes, SYSTEM_FONTS } from './fonts.ts';
import { useEditor } from './store.ts';

const LOAD_FONT = '__load-font__';

/** Every property of the selected layer; each change is one undoable edit. */
export function PropertiesPanel() {
  const layer = useEditor((s) => s.history?.present.layers.find((l) => l.id === s.selectedId));
  const localFonts = useEditor((s) => s.localFonts);
  const fontInput = useRef<HTMLInputElement>(null);
  if (!layer) {
    return (
      <div className="props-empty muted">
        <p>Select a text layer to style it, or add one.</p>
        <Presets />
      </div>
    );
  }
  const id = layer.id;
  // The key groups a slider drag or a run of typing into one undo step.
  const set = (key: string, patch: LayerPatch) => useEditor.getState().update(id, patch, `${id}:${key}`);
  const once = (patch: LayerPatch) => useEditor.getState().update(id, patch);

  const loadFont = async (file: File) => {
    const family = familyFromFileName(file.name);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const res = await registerFontBytes(family, bytes);
    if (!res.ok) return useEditor.getState().notify({ kind: 'error', text: res.message });
    useEditor.getState().addLocalFont(family, bytes);
    useEditor.getState().fontLoaded();
    once({ fontFamily: family });
  };

  return (
    <div className="props" aria-label="Text properties">
      <Presets />
      <Section title="Text">
        <textarea className="props-text" aria-label="Text" value={layer.text} rows={3} onChange={(e) => set('text', { text: e.target.value })} onBlur={() => useEditor.getState().endGesture()} />
        <label className="field">
          <span>Font</span>
          <select
            aria-label="Font"
            value={layer.fontFamily}
            onChange={(e) => (e.target.value === LOAD_FONT ? fontInput.current?.click() : once({ fontFamily: e.target.value }))}
          >
            <optgroup label="Included">{BUNDLED_FONTS.map((f) => <option key={f.family}>{f.family}</option>)}</optgroup>
            {localFonts.length > 0 && <optgroup label="Your fonts">{localFonts.map((f) => <option key={f.family}>{f.family}</option>)}</optgroup>}
            <optgroup label="System">{SYSTEM_FONTS.map((f) => <option key={f}>{f}</option>)}</optgroup>
            {!isKnown(layer.fontFamily, localFonts) && <option>{layer.fontFamily}</option>}
            <option value={LOAD_FONT}>Load a font file…</option>
          </select>
          <input ref={fontInput} type="file" hidden accept={FONT_FILE_ACCEPT} aria-label="Font file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void loadFont(f); }} />
        </label>
        <NumberField label="Size" value={layer.fontSize} min={4} max={Math.max(400, layer.fontSize)} onChange={(v) => set('size', { fontSize: v })} />
        <div className="props-row" role="group" aria-label="Style">
          <button type="button" className={layer.fontWeight === 700 ? 'on' : ''} aria-pressed={layer.fontWeight === 700} onClick={() => once({ fontWeight: layer.fontWeight === 700 ? 400 : 700 })} title="Bold"><b>B</b></button>
          <button type="button" className={layer.italic ? 'on' : ''} aria-pressed={layer.italic} onClick={() => once({ italic: !layer.italic })} title="Italic"><i>I</i></button>
          <button type="button" className={layer.underline ? 'on' : ''} aria-pressed={layer.underline} onClick={() => once({ underline: !layer.underline })} title="Underline"><u>U</u></button>
          <span className="props-gap" />
          {(['left', 'center', 'right'] as const).map((a) => (
            <button key={a} type="button" className={layer.align === a ? 'on' : ''} aria-pressed={layer.align === a} onClick={() => once({ align: a })} title={`Align ${a}`}>{a === 'left' ? '⇤' : a === 'center' ? '↔' : '⇥'}</button>
          ))}
        </div>
        <ColorField label="Colour" value={layer.color} onChange={(v) => set('color', { color: v })} />
        <NumberField label="Text opacity" value={Math.round(layer.colorOpacity * 100)} min={0} max={100} onChange={(v) => set('colorOpacity', { colorOpacity: v / 100 })} suffix="%" />
        <NumberField label="Letter spacing" value={layer.letterSpacing} min={-20} max={Math.max(100, layer.letterSpacing)} step={0.5} onChange={(v) => set('letterSpacing', { letterSpacing: v })} />
        <NumberField label="Line height" value={layer.lineHeight} min={0.5} max={3} step={0.05} onChange={(v) => set('lineHeight', { lineHeight: v })} />
      </Section>
      <Section title="Outline" aside={<Toggle label="On" checked={layer.outline.enabled} onChange={(v) => once({ outline: { ...layer.outline, enabled: v } })} />}>
        {layer.outline.enabled && (
          <>
            <ColorField label="Outline colour" value={layer.outline.color} onChange={(v) => set('outline.color', { outline: { ...layer.outline, color: v } })} />
            <NumberField label="Outline width" value={layer.outline.width} min={0} max={Math.max(60, layer.outline.width)} step={0.5} onChange={(v) => set('outline.width', { outline: { ...layer.outline, width: v } })} />
          </>
        )}
      </Section>
      <Section title="Shadow" aside={<Toggle label="On" checked={layer.shadow.enabled} onChange={(v) => once({ shadow: { ...layer.shadow, enabled: v } })} />}>
        {layer.shadow.enabled && <ShadowFields layer={layer} set={set} />}
      </Section>
      <Section title="Background box" aside={<Toggle label="On" checked={layer.box.enabled} onChange={(v) => once({ box: { ...layer.box, enabled: v } })} />}>
        {layer.box.enabled && (
          <>
            <ColorField label="Box colour" value={layer.box.color} onChange={(v) => set('box.color', { box: { ...layer.box, color: v } })} />
            <NumberField label="Box opacity" value={Math.round(layer.box.opacity * 100)} min={0} max={100} onChange={(v) => set('box.opacity', { box: { ...layer.box, opacity: v / 100 } })} suffix="%" />
            <NumberField label="Padding" value={layer.box.padding} min={0} max={Math.max(200, layer.box.padding)} onChange={(v) => set('box.padding', { box: { ...layer.box, padding: v } })} />
            <NumberField label="Corner radius" value={layer.box.radius} min={0} max={Math.max(200, layer.box.radius)} onChange={(v) => set('box.radius', { box: { ...layer.box, radius: v } })} />
          </>
        )}
      </Section>
      <Section title="Layer">
        <NumberField label="Curve" value={layer.arc} min={-360} max={360} onChange={(v) => set('arc', { arc: v })} suffix="°" />
        <NumberField label="Rotation" value={layer.rotation} min={-180} max={180} onChange={(v) => set('rotation', { rotation: v })} suffix="°" />
        <NumberField label="Layer opacity" value={Math.round(layer.opacity * 100)} min={0} max={100} onChange={(v) => set('opacity', { opacity: v / 100 })} suffix="%" />
      </Section>
    </div>
  );
}

function ShadowFields({ layer, set }: { layer: TextLayer; set: (key: string, patch: LayerPatch) => void }) {
  const s = layer.shadow;
  return (
    <>
      <ColorField label="Shadow colour" value={s.color} onChange={(v) => set('shadow.color', { shadow: { ...s, color: v } })} />
      <NumberField label="Shadow opacity" value={Math.round(s.opacity * 100)} min={0} max={100} onChange={(v) => set('shadow.opacity', { shadow: { ...s, opacity: v / 100 } })} suffix="%" />
      <NumberField label="Blur" value={s.blur} min={0} max={Math.max(100, s.blur)} onChange={(v) => set('shadow.blur', { shadow: { ...s, blur: v } })} />
      <NumberField label="Offset X" value={s.offsetX} min={-200} max={200} onChange={(v) => set('shadow.x', { shadow: { ...s, offsetX: v } })} />
      <NumberField label="Offset Y" value={s.offsetY} min={-200} max={200} onChange={(v) => set('shadow.y', { shadow: { ...s, offsetY: v } })} />
    </>
  );
}

function Presets() {
  return (
    <div className="presets" role="group" aria-label="Style presets">
      {STYLE_PRESETS.map((p) => (
        <button key={p.id} type="button" className={`preset preset-${p.id}`} onClick={() => useEditor.getState().applyPreset(p.id)}>
          {p.label}
        </button>
      ))}
    </div>
  );
}

const isKnown = (family: string, local: { family: string }[]) =>
  BUNDLED_FONTS.some((f) => f.family === family) || SYSTEM_FONTS.includes(family) || local.some((f) => f.family === family);
