import { describe, expect, it } from 'vitest';
import { arcPath, CANVAS_MAX_AREA, exportSize, fitScale, outlineOutside, snapBox } from '../../../renderer/src/editor/core/layout.ts';
import { STYLE_PRESETS } from '../../../renderer/src/editor/core/presets.ts';
import { textLayerSchema, defaultTextLayer, updateLayer } from '../../../renderer/src/editor/core/document.ts';

describe('text layout maths', () => {
  it('an outward outline strokes twice its width behind the fill', () => {
    expect(outlineOutside(4)).toEqual({ strokeWidth: 8, fillAfterStrokeEnabled: true, lineJoin: 'round' });
  });

  it('a straight arc is a line and a bent arc keeps the text length on the curve', () => {
    expect(arcPath(300, 0).d).toBe('M 0 0 L 300 0');
    const half = arcPath(300, 180);
    expect(half.radius * Math.PI).toBeCloseTo(300);
    expect(half.sagitta).toBeCloseTo(half.radius);
    expect(arcPath(300, 90).d).toContain(' 0 0 1 ');
    expect(arcPath(300, -90).d).toContain(' 0 0 0 ');
  });

  it('snaps a box centre to the image centre within the threshold and draws the guide', () => {
    const r = snapBox({ x: 447, y: 10, width: 100, height: 20 }, { width: 1000, height: 500 }, [], 5);
    expect(r.dx).toBe(3);
    expect(r.guides.vertical).toEqual([500]);
    expect(r.dy).toBe(0);
  });

  it('snaps to another layer edge but not beyond the threshold', () => {
    const other = { x: 300, y: 300, width: 50, height: 50 };
    expect(snapBox({ x: 0, y: 296, width: 20, height: 20 }, { width: 1000, height: 1000 }, [other], 5).dy).toBe(4);
    expect(snapBox({ x: 100, y: 120, width: 20, height: 20 }, { width: 1000, height: 1000 }, [other], 5)).toEqual({ dx: 0, dy: 0, guides: { vertical: [], horizontal: [] } });
  });

  it('export sizes follow the scale and refuse sizes past the canvas limits with advice', () => {
    expect(exportSize({ width: 6000, height: 4000 }, 1)).toEqual({ ok: true, width: 6000, height: 4000 });
    expect(exportSize({ width: 6000, height: 4000 }, 0.5)).toEqual({ ok: true, width: 3000, height: 2000 });
    const big = exportSize({ width: 6000, height: 4000 }, 4);
    expect(big.ok).toBe(false);
    if (!big.ok) expect(big.message).toContain('scale of 3.34× or less');
    expect(exportSize({ width: 20000, height: 20000 }, 1).ok).toBe(false);
    expect(exportSize({ width: 40000, height: 100 }, 1).ok).toBe(false);
    expect(exportSize({ width: 16384, height: 16384 }, 1).ok).toBe(true);
    expect(16384 * 16384).toBe(CANVAS_MAX_AREA);
    expect(exportSize({ width: 100, height: 100 }, 0).ok).toBe(false);
  });

  it('fits big images inside the viewport and never enlarges small ones', () => {
    expect(fitScale({ width: 6000, height: 4000 }, { width: 1248, height: 848 })).toBeCloseTo(0.2);
    expect(fitScale({ width: 100, height: 100 }, { width: 1000, height: 1000 })).toBe(1);
  });

  it('every preset yields a valid layer', () => {
    const image = { name: 'x', width: 1600, height: 900 };
    for (const p of STYLE_PRESETS) {
      const doc = updateLayer({ image, layers: [defaultTextLayer(image, 'a', 1)] }, 'a', p.patch(image));
      expect(textLayerSchema.safeParse(doc.layers[0]).success, p.id).toBe(true);
    }
  });
});
