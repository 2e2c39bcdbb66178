import { useRef } from 'react';
import type { ExportFormat } from '../../../shared/editor-files.ts';
import { copyToClipboard, exportToFile, openProject, saveProject, saveToGallery } from './actions.ts';
import { useEditorEntry } from './entry.ts';
import { useExportSettings } from './export-settings.ts';
import { IMAGE_ACCEPT, openAndReport, openFile } from './open-files.ts';
import { selectHasUnsavedChanges, useEditor } from './store.ts';

const SCALES = [0.25, 0.5, 1, 2, 3];
const mod = navigator.platform.startsWith('Mac') ? '⌘' : 'Ctrl+';

/** Open, save, undo/redo and export controls above the canvas. */
export function Toolbar() {
  const canUndo = useEditor((s) => (s.history?.past.length ?? 0) > 0);
  const canRedo = useEditor((s) => (s.history?.future.length ?? 0) > 0);
  const dirty = useEditor(selectHasUnsavedChanges);
  const projectName = useEditor((s) => s.projectName ?? s.history?.present.image.name ?? '');
  const size = useEditor((s) => s.history?.present.image);
  const settings = useExportSettings();
  const galleryAvailable = useEditorEntry((s) => s.saveToGallery !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  const e = useEditor.getState;

  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Editor">
      <div className="tb-group">
        <button type="button" onClick={() => fileInput.current?.click()} title="Open an image">Open image</button>
        <input ref={fileInput} type="file" hidden accept={IMAGE_ACCEPT} aria-label="Image file" onChange={(ev) => { const f = ev.target.files?.[0]; ev.target.value = ''; if (f) void openAndReport(() => openFile(f)); }} />
        <button type="button" onClick={() => void openProject()} title={`Open project (${mod}O)`}>Open project</button>
        <button type="button" onClick={() => void saveProject()} title={`Save project (${mod}S)`}>Save project</button>
      </div>
      <div className="tb-group">
        <button type="button" onClick={() => e().addText()} title="Add text (T)">+ Text</button>
        <button type="button" onClick={() => e().undo()} disabled={!canUndo} title={`Undo (${mod}Z)`} aria-label="Undo">↶</button>
        <button type="button" onClick={() => e().redo()} disabled={!canRedo} title={`Redo (Shift+${mod}Z)`} aria-label="Redo">↷</button>
      </div>
      <div className="tb-title" title={projectName}>
        {projectName}
        {size && <span className="muted"> · {size.width} × {size.height}</span>}
        {dirty && <span className="tb-dirty" title="Unsaved changes"> •</span>}
      </div>
      <div className="tb-group tb-export">
        <select aria-label="Export format" value={settings.format} onChange={(ev) => settings.set({ format: ev.target.value as ExportFormat })}>
          <option value="png">PNG</option>
          <option value="jpeg">JPEG</option>
          <option value="webp">WebP</option>
        </select>
        {settings.format !== 'png' && (
          <label className="tb-quality" title="Quality">
            <input type="range" min={0.5} max={1} step={0.01} value={settings.quality} aria-label="Export quality" onChange={(ev) => settings.set({ quality: Number(ev.target.value) })} />
            <span>{Math.round(settings.quality * 100)}</span>
          </label>
        )}
        <select aria-label="Export scale" value={settings.scale} onChange={(ev) => settings.set({ scale: Number(ev.target.value) })}>
          {SCALES.map((s) => <option key={s} value={s} title={size ? `${Math.round(size.width * s)} × ${Math.round(size.height * s)} pixels` : undefined}>{s}×</option>)}
        </select>
        <button type="button" className="primary" onClick={() => void exportToFile(useExportSettings.getState())} title={`Export (${mod}E)`}>Export…</button>
        <button type="button" onClick={() => void copyToClipboard(useExportSettings.getState().scale)} title={`Copy image (Shift+${mod}C)`}>Copy</button>
        {galleryAvailable && <button type="button" onClick={() => void saveToGallery(useExportSettings.getState())}>Save to gallery</button>}
      </div>
    </div>
  );
}
