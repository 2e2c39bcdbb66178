import Konva from 'konva';
import { rgba, type TextLayer } from './core/document.ts';
import { arcPath, outlineOutside } from './core/layout.ts';

/**
 * Konva attributes for one text layer, shared by the live canvas and measurement, so the box
 * behind the text and the text itself are laid out from the same numbers.
 */
export function textAttrs(l: TextLayer) {
  const outline = l.outline.enabled && l.outline.width > 0 ? { stroke: l.outline.color, ...outlineOutside(l.outline.width) } : { strokeWidth: 0, strokeEnabled: false };
  const shadow = l.shadow.enabled
    ? { shadowEnabled: true, shadowColor: l.shadow.color, shadowOpacity: l.shadow.opacity, shadowBlur: l.shadow.blur, shadowOffsetX: l.shadow.offsetX, shadowOffsetY: l.shadow.offsetY }
    : { shadowEnabled: false };
  return {
    text: l.arc === 0 ? l.text : l.text.replace(/\s*\n\s*/g, ' '),
    fontFamily: `${l.fontFamily}, sans-serif`,
    fontSize: l.fontSize,
    fontStyle: `${l.italic ? 'italic ' : ''}${l.fontWeight === 700 ? 'bold' : 'normal'}`,
    textDecoration: l.underline ? 'underline' : '',
    fill: rgba(l.color, l.colorOpacity),
    align: l.align,
    letterSpacing: l.letterSpacing,
    ...outline,
    ...shadow,
  };
}

export interface Measured {
  /** The box behind the text, in the layer's own coordinates (before padding). */
  box: { x: number; y: number; width: number; height: number };
  /** Where a curved text's path starts, so its top sits at the layer's origin. */
  pathY: number;
  path: string | null;
}

/** Measures the text as Konva will draw it (after fonts load), for the background box. */
export function measureLayer(l: TextLayer): Measured {
  if (l.arc !== 0) {
    const { d } = arcPath(l.width, l.arc);
    const pathY = l.fontSize * 0.5;
    const node = new Konva.TextPath({ ...textAttrs(l), data: d, y: pathY });
    const r = node.getSelfRect();
    node.destroy();
    return { box: { x: r.x, y: r.y + pathY, width: r.width, height: r.height }, pathY, path: d };
  }
  const node = new Konva.Text({ ...textAttrs(l), width: l.width, lineHeight: l.lineHeight, padding: 0 });
  // Konva keeps each wrapped line's measured width in textArr (public in practice, untyped).
  const lines = (node as unknown as { textArr: { width: number }[] }).textArr;
  const widest = Math.min(l.width, Math.max(0, ...lines.map((line) => line.width)));
  const height = node.height();
  node.destroy();
  const x = l.align === 'center' ? (l.width - widest) / 2 : l.align === 'right' ? l.width - widest : 0;
  return { box: { x, y: 0, width: widest, height }, pathY: 0, path: null };
}
