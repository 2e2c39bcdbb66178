import { describe, expect, it } from 'vitest';
import { addLayer, defaultTextLayer, duplicateLayer, moveLayer, nextSelectable, removeLayer, rgba, updateLayer, type EditorDocument } from '../../../renderer/src/editor/core/document.ts';
import { commit, redo, seal, startHistory, undo } from '../../../renderer/src/editor/core/history.ts';

const image = { name: 'photo.jpg', width: 1200, height: 800 };
const withLayers = (n: number): EditorDocument => {
  let doc: EditorDocument = { image, layers: [] };
  for (let i = 0; i < n; i++) doc = addLayer(doc, defaultTextLayer(image, `l${i}`, i + 1));
  return doc;
};

describe('editor document operations', () => {
  it('a new layer is centred on the image and sized for it', () => {
    const l = defaultTextLayer(image, 'a', 1);
    expect(l.x + l.width / 2).toBe(600);
    expect(l.fontSize).toBe(80);
  });

  it('updating merges nested effect settings without touching other layers', () => {
    const doc = withLayers(2);
    const next = updateLayer(doc, 'l0', { outline: { enabled: false, color: '#ff0000', width: 3 }, text: 'Hi' });
    expect(next.layers[0]).toMatchObject({ text: 'Hi', outline: { enabled: false, color: '#ff0000', width: 3 } });
    expect(next.layers[1]).toBe(doc.layers[1]);
    expect(doc.layers[0]!.text).toBe('Your text');
  });

  it('duplicating puts an offset, unlocked copy just above the original', () => {
    const doc = updateLayer(withLayers(2), 'l0', { locked: true });
    const next = duplicateLayer(doc, 'l0', 'copy');
    expect(next.layers.map((l) => l.id)).toEqual(['l0', 'copy', 'l1']);
    expect(next.layers[1]!.x).toBeGreaterThan(doc.layers[0]!.x);
    expect(next.layers[1]!.locked).toBe(false);
  });

  it('reordering moves a layer one step and stops at the ends', () => {
    const doc = withLayers(3);
    expect(moveLayer(doc, 'l0', 1).layers.map((l) => l.id)).toEqual(['l1', 'l0', 'l2']);
    expect(moveLayer(doc, 'l2', 1)).toBe(doc);
    expect(removeLayer(doc, 'l1').layers.map((l) => l.id)).toEqual(['l0', 'l2']);
  });

  it('Tab order skips hidden and locked layers and wraps around', () => {
    let doc = withLayers(3);
    doc = updateLayer(doc, 'l1', { visible: false });
    expect(nextSelectable(doc, null)).toBe('l0');
    expect(nextSelectable(doc, 'l0')).toBe('l2');
    expect(nextSelectable(doc, 'l2')).toBe('l0');
    expect(nextSelectable(doc, 'l0', true)).toBe('l2');
  });

  it('colours with opacity become rgba strings', () => {
    expect(rgba('#ff8000', 0.5)).toBe('rgba(255,128,0,0.5)');
  });
});

describe('undo and redo on document snapshots', () => {
  it('undo returns the previous document and redo brings the change back', () => {
    const a = withLayers(1);
    const b = updateLayer(a, 'l0', { text: 'B' });
    let h = commit(startHistory(a), b);
    h = undo(h);
    expect(h.present).toBe(a);
    h = redo(h);
    expect(h.present).toBe(b);
  });

  it('a new change after undo discards the redo branch', () => {
    const a = withLayers(1);
    let h = commit(startHistory(a), updateLayer(a, 'l0', { text: 'B' }));
    h = undo(h);
    h = commit(h, updateLayer(a, 'l0', { text: 'C' }));
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it('one gesture with the same key is one undo step, and sealing starts a new one', () => {
    const a = withLayers(1);
    let h = startHistory(a);
    for (const size of [81, 90, 120]) h = commit(h, updateLayer(h.present, 'l0', { fontSize: size }), 'l0:fontSize');
    expect(h.past).toHaveLength(1);
    h = seal(h);
    h = commit(h, updateLayer(h.present, 'l0', { fontSize: 130 }), 'l0:fontSize');
    expect(h.past).toHaveLength(2);
    expect(undo(undo(h)).present).toBe(a);
  });

  it('undo with nothing to undo changes nothing', () => {
    const h = startHistory(withLayers(1));
    expect(undo(h)).toBe(h);
  });
});
