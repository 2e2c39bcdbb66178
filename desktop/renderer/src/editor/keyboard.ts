import { copyToClipboard, exportToFile, openProject, saveProject } from './actions.ts';
import { actionForKey, nudgeStep } from './core/shortcuts.ts';
import { useExportSettings } from './export-settings.ts';
import { useEditor } from './store.ts';

/** Handles the editor's shortcuts. While a text field has focus its keys edit text; only save, open and export still apply. */
export function handleEditorKey(e: KeyboardEvent, viewScale: number): void {
  const target = e.target as HTMLElement | null;
  const typing = target !== null && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT' || target.isContentEditable);
  const action = actionForKey({ key: e.key, ctrl: e.ctrlKey, meta: e.metaKey, shift: e.shiftKey, alt: e.altKey });
  if (!action) return;
  const s = useEditor.getState();
  const file = action === 'saveProject' || action === 'openProject' || action === 'export';
  // In a text field, keys edit the text; only the file shortcuts still apply.
  if (typing && !file) return;
  if (!s.history && action !== 'openProject') return;
  const selected = s.history?.present.layers.find((l) => l.id === s.selectedId);
  e.preventDefault();
  const nudge = (dx: number, dy: number) => {
    if (!selected || selected.locked) return;
    const step = nudgeStep(e.shiftKey, viewScale);
    s.update(selected.id, { x: Math.round(selected.x + dx * step), y: Math.round(selected.y + dy * step) }, `${selected.id}:nudge`);
  };
  switch (action) {
    case 'undo': return s.undo();
    case 'redo': return s.redo();
    case 'delete': return void (selected && s.remove(selected.id));
    case 'duplicate': return void (selected && s.duplicate(selected.id));
    case 'addText': return s.addText();
    case 'selectNext': return s.selectNext(false);
    case 'selectPrevious': return s.selectNext(true);
    case 'deselect': return s.select(null);
    case 'editText': return void (selected && !selected.locked && s.edit(selected.id));
    case 'nudgeLeft': return nudge(-1, 0);
    case 'nudgeRight': return nudge(1, 0);
    case 'nudgeUp': return nudge(0, -1);
    case 'nudgeDown': return nudge(0, 1);
    case 'saveProject': return void saveProject();
    case 'openProject': return void openProject();
    case 'export': return void exportToFile(useExportSettings.getState());
    case 'copy': return void copyToClipboard(useExportSettings.getState().scale);
  }
}

/** Arrow-key nudges each start their own undo step once the key is released. */
export function handleEditorKeyUp(e: KeyboardEvent): void {
  if (e.key.startsWith('Arrow')) useEditor.getState().endGesture();
}
