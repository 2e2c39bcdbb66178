import { describe, expect, it } from 'vitest';
import { sniffImageType, isProjectArchive } from '../../../renderer/src/editor/core/image-type.ts';
import { actionForKey, nudgeStep } from '../../../renderer/src/editor/core/shortcuts.ts';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) =>
  actionForKey({ key: k, ctrl: false, meta: false, shift: false, alt: false, ...mods });

describe('editor keyboard shortcuts', () => {
  it('maps undo and redo on both Ctrl and Cmd', () => {
    expect(key('z', { ctrl: true })).toBe('undo');
    expect(key('z', { meta: true })).toBe('undo');
    expect(key('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(key('y', { ctrl: true })).toBe('redo');
  });

  it('maps layer keys and ignores Alt combinations', () => {
    expect(key('Tab')).toBe('selectNext');
    expect(key('Tab', { shift: true })).toBe('selectPrevious');
    expect(key('Delete')).toBe('delete');
    expect(key('d', { ctrl: true })).toBe('duplicate');
    expect(key('ArrowLeft')).toBe('nudgeLeft');
    expect(key('t')).toBe('addText');
    expect(key('t', { alt: true })).toBeNull();
    expect(key('q')).toBeNull();
  });

  it('nudges one screen pixel, or ten with Shift, whatever the zoom', () => {
    expect(nudgeStep(false, 0.5)).toBe(2);
    expect(nudgeStep(true, 0.25)).toBe(40);
  });
});

describe('image types from their first bytes', () => {
  const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
  it('recognises JPEG, PNG, WebP, AVIF and HEIC', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes([0x89], 'PNG', [13, 10, 26, 10]))).toBe('image/png');
    expect(sniffImageType(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('image/avif');
    expect(sniffImageType(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe('image/heic');
  });

  it('refuses anything else, whatever its name says', () => {
    expect(sniffImageType(bytes('<svg xmlns='))).toBeNull();
    expect(isProjectArchive(bytes('PK', [3, 4]))).toBe(true);
    expect(isProjectArchive(bytes('PK', [5, 6]))).toBe(false);
  });
});
