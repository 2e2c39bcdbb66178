/** The editor's keyboard shortcuts, as a pure table from a key press to an action. */
export type EditorAction =
  | 'undo' | 'redo' | 'delete' | 'duplicate' | 'addText' | 'selectNext' | 'selectPrevious' | 'deselect'
  | 'nudgeLeft' | 'nudgeRight' | 'nudgeUp' | 'nudgeDown' | 'editText' | 'saveProject' | 'openProject' | 'export' | 'copy';

export interface KeyPress {
  key: string;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

export function actionForKey(k: KeyPress): EditorAction | null {
  const mod = k.ctrl || k.meta;
  const key = k.key.length === 1 ? k.key.toLowerCase() : k.key;
  if (mod && !k.alt) {
    if (key === 'z') return k.shift ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'd') return 'duplicate';
    if (key === 's') return 'saveProject';
    if (key === 'o') return 'openProject';
    if (key === 'e') return 'export';
    if (key === 'c' && k.shift) return 'copy';
    return null;
  }
  if (k.alt) return null;
  switch (key) {
    case 'Delete':
    case 'Backspace':
      return 'delete';
    case 'Tab':
      return k.shift ? 'selectPrevious' : 'selectNext';
    case 'Escape':
      return 'deselect';
    case 'Enter':
      return 'editText';
    case 'ArrowLeft':
      return 'nudgeLeft';
    case 'ArrowRight':
      return 'nudgeRight';
    case 'ArrowUp':
      return 'nudgeUp';
    case 'ArrowDown':
      return 'nudgeDown';
    case 't':
      return 'addText';
    default:
      return null;
  }
}

/** Arrow keys move a layer one screen pixel; Shift moves ten. Answers image pixels. */
export const nudgeStep = (shift: boolean, viewScale: number): number => (shift ? 10 : 1) / Math.max(viewScale, 1e-6);
