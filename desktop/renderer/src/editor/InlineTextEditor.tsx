import { useEffect, useLayoutEffect, useRef } from 'react';
import { rgba } from './core/document.ts';
import { useEditor } from './store.ts';

/** Edits a layer's text in place: a textarea laid over the canvas in the layer's own type. */
export function InlineTextEditor({ id, scale }: { id: string; scale: number }) {
  const layer = useEditor((s) => s.history?.present.layers.find((l) => l.id === id));
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = '0px';
    el.style.height = `${el.scrollHeight}px`;
  });

  if (!layer) return null;
  const finish = () => useEditor.getState().edit(null);
  return (
    <textarea
      ref={ref}
      className="editor-inline-text"
      aria-label="Edit text"
      value={layer.text}
      spellCheck={false}
      onChange={(e) => useEditor.getState().update(id, { text: e.target.value }, `${id}:text`)}
      onBlur={finish}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) {
          e.preventDefault();
          finish();
        }
      }}
      style={{
        left: layer.x * scale,
        top: layer.y * scale,
        width: layer.width * scale,
        transform: `rotate(${layer.rotation}deg)`,
        font: `${layer.italic ? 'italic ' : ''}${layer.fontWeight} ${layer.fontSize * scale}px "${layer.fontFamily}"`,
        lineHeight: layer.lineHeight,
        letterSpacing: `${layer.letterSpacing * scale}px`,
        textAlign: layer.align,
        color: rgba(layer.color, layer.colorOpacity),
        textDecoration: layer.underline ? 'underline' : 'none',
        WebkitTextStroke: layer.outline.enabled ? `${Math.min(layer.outline.width * scale, 2)}px ${layer.outline.color}` : undefined,
      }}
    />
  );
}
