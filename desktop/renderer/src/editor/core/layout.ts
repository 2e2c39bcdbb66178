/**
 * Layout maths the renderer and the exporter share, free of Konva and the DOM so it is tested
 * directly: outline-outside strokes, arc text paths, snapping, export sizes and canvas limits.
 */

/**
 * Canvas strokes are centred on the glyph edge, so half of any stroke covers the glyph. Drawing
 * the stroke first at twice the width and the fill on top leaves exactly `width` outside.
 */
export function outlineOutside(width: number): { strokeWidth: number; fillAfterStrokeEnabled: true; lineJoin: 'round' } {
  return { strokeWidth: Math.max(0, width) * 2, fillAfterStrokeEnabled: true, lineJoin: 'round' };
}

/**
 * The SVG path a curved line of text follows: an arc of `degrees` of a circle whose length is the
 * text's own width, centred in a box `width` wide, with the arc's middle at y = 0. Positive bends
 * like a smile's frown (text over the top of a circle), negative like a smile.
 */
export function arcPath(width: number, degrees: number): { d: string; radius: number; sagitta: number } {
  const bend = Math.max(-359, Math.min(359, degrees));
  if (Math.abs(bend) < 0.5) return { d: `M 0 0 L ${width} 0`, radius: Infinity, sagitta: 0 };
  const theta = (Math.abs(bend) * Math.PI) / 180;
  const radius = width / theta;
  const half = theta / 2;
  const chordHalf = radius * Math.sin(half);
  const sagitta = radius * (1 - Math.cos(half));
  const cx = width / 2;
  const x0 = cx - chordHalf;
  const x1 = cx + chordHalf;
  const large = theta > Math.PI ? 1 : 0;
  // Over the top: ends lower than the middle, drawn clockwise (sweep 1) so glyphs stand outward.
  if (bend > 0) return { d: `M ${x0} ${sagitta} A ${radius} ${radius} 0 ${large} 1 ${x1} ${sagitta}`, radius, sagitta };
  return { d: `M ${x0} 0 A ${radius} ${radius} 0 ${large} 0 ${x1} 0`, radius, sagitta };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SnapResult {
  dx: number;
  dy: number;
  /** Guide lines to draw, in image pixels: vertical at x, horizontal at y. */
  guides: { vertical: number[]; horizontal: number[] };
}

/**
 * Snaps a moving box's edges and centre to the image's edges and centre and to other layers'
 * edges and centres, when within `threshold` image pixels; answers the nudge and the guides.
 */
export function snapBox(moving: Box, image: { width: number; height: number }, others: Box[], threshold: number): SnapResult {
  const xs = [0, image.width / 2, image.width];
  const ys = [0, image.height / 2, image.height];
  for (const o of others) {
    xs.push(o.x, o.x + o.width / 2, o.x + o.width);
    ys.push(o.y, o.y + o.height / 2, o.y + o.height);
  }
  const best = (points: number[], targets: number[]) => {
    let found: { delta: number; at: number } | null = null;
    for (const p of points) {
      for (const t of targets) {
        const delta = t - p;
        if (Math.abs(delta) <= threshold && (found === null || Math.abs(delta) < Math.abs(found.delta))) found = { delta, at: t };
      }
    }
    return found;
  };
  const bx = best([moving.x, moving.x + moving.width / 2, moving.x + moving.width], xs);
  const by = best([moving.y, moving.y + moving.height / 2, moving.y + moving.height], ys);
  return {
    dx: bx?.delta ?? 0,
    dy: by?.delta ?? 0,
    guides: { vertical: bx ? [bx.at] : [], horizontal: by ? [by.at] : [] },
  };
}

/**
 * Chromium's canvas limits: no side over 32,767 pixels and no more than 268,435,456 pixels
 * (16,384²) in one canvas. Past them a canvas silently fails and would export a blank file.
 */
export const CANVAS_MAX_SIDE = 32_767;
export const CANVAS_MAX_AREA = 268_435_456;

export type ExportSize = { ok: true; width: number; height: number } | { ok: false; width: number; height: number; message: string };

export function exportSize(image: { width: number; height: number }, scale: number, limits = { side: CANVAS_MAX_SIDE, area: CANVAS_MAX_AREA }): ExportSize {
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  if (!(scale > 0) || !Number.isFinite(scale)) return { ok: false, width, height, message: 'Choose an export scale above zero.' };
  if (width > limits.side || height > limits.side || width * height > limits.area) {
    const fit = Math.min(limits.side / image.width, limits.side / image.height, Math.sqrt(limits.area / (image.width * image.height)));
    return {
      ok: false,
      width,
      height,
      message: `${width} × ${height} pixels is larger than this computer's graphics can export in one piece. Choose a scale of ${Math.floor(fit * 100) / 100}× or less.`,
    };
  }
  return { ok: true, width, height };
}

/** The largest scale (≤ 1) that fits an image inside a viewport with a margin. */
export function fitScale(image: { width: number; height: number }, viewport: { width: number; height: number }, margin = 24): number {
  const w = Math.max(1, viewport.width - margin * 2);
  const h = Math.max(1, viewport.height - margin * 2);
  return Math.min(1, w / image.width, h / image.height);
}
