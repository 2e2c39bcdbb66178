import { useCallback, useEffect, useRef, useState } from 'react';
import { useFileDrop } from '../common/useFileDrop.ts';
import { EditorCanvas } from './EditorCanvas.tsx';
import { takePendingImage, useEditorEntry } from './entry.ts';
import { loadBundledFonts } from './fonts.ts';
import { handleEditorKey, handleEditorKeyUp } from './keyboard.ts';
import { LayersPanel } from './LayersPanel.tsx';
import { IMAGE_ACCEPT, openAndReport, openFile, openImageBytes, openProjectBytes } from './open-files.ts';
import { PropertiesPanel } from './PropertiesPanel.tsx';
import { clearRecovery, readRecovery, startRecoveryAutosave, type RecoveryCopy } from './recovery.ts';
import { selectHasUnsavedChanges, useEditor } from './store.ts';
import { Toolbar } from './Toolbar.tsx';
import { openProject } from './actions.ts';
import './editor.css';

// Registered once when the editor first loads, and kept while its document lives (it outlives
// the page when the user switches areas). Electron main turns a prevented unload into a dialog.
window.addEventListener('beforeunload', (e) => {
  if (selectHasUnsavedChanges(useEditor.getState())) e.preventDefault();
});
startRecoveryAutosave();

/** Add Text to Image: a local editor that never sends the image or the text anywhere. */
export default function EditorPage() {
  const hasDoc = useEditor((s) => s.history !== null);
  const notice = useEditor((s) => s.notice);
  const busy = useEditor((s) => s.busy);
  const [scale, setScale] = useState(1);
  const { dragging, dropProps } = useFileDrop((files) => {
    const file = files[0];
    if (file) void openAndReport(() => openFile(file));
  });
  const scaleRef = useRef(1);
  const onScale = useCallback((s: number) => {
    scaleRef.current = s;
    setScale(s);
  }, []);

  useEffect(() => {
    void loadBundledFonts().then(() => useEditor.getState().fontLoaded(), () => undefined);
  }, []);

  // Images handed over by other areas (gallery, studio results).
  const pending = useEditorEntry((s) => s.pending);
  useEffect(() => {
    const p = pending && takePendingImage();
    if (p) void openAndReport(() => openImageBytes(p.bytes, p.name));
  }, [pending]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handleEditorKey(e, scaleRef.current);
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const file = [...(e.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      e.preventDefault();
      void openAndReport(() => openFile(file));
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keyup', handleEditorKeyUp);
    window.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keyup', handleEditorKeyUp);
      window.removeEventListener('paste', onPaste);
    };
  }, []);

  return (
    <div
      className={`editor${dragging ? ' dragging' : ''}`}
      {...dropProps}
      data-view-scale={scale}
    >
      {hasDoc && <Toolbar />}
      {notice && (
        <div className={`editor-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="link" onClick={() => useEditor.getState().notify(null)} aria-label="Dismiss">✕</button>
        </div>
      )}
      {hasDoc ? (
        <div className="editor-body">
          <EditorCanvas onScale={onScale} />
          <aside className="editor-side">
            <LayersPanel />
            <PropertiesPanel />
          </aside>
        </div>
      ) : (
        <EmptyState />
      )}
      {busy && (
        <div className="editor-busy" role="progressbar" aria-label={busy}>
          <span className="spinner" /> {busy}
        </div>
      )}
    </div>
  );
}

function EmptyState() {
  const input = useRef<HTMLInputElement>(null);
  const [recovery, setRecovery] = useState<RecoveryCopy | null>(null);
  useEffect(() => {
    void readRecovery().then(setRecovery);
  }, []);
  return (
    <div className="editor-empty">
      <div className="drop-zone">
        <div className="drop-mark" aria-hidden="true">T</div>
        <h2>Add text to an image</h2>
        <p className="muted">Drop a photo here, paste one (Ctrl+V), or choose a file. JPEG, PNG, WebP and AVIF.</p>
        <div className="drop-actions">
          <button type="button" className="primary" onClick={() => input.current?.click()}>Choose image…</button>
          <button type="button" onClick={() => void openProject()}>Open project…</button>
        </div>
        <input ref={input} type="file" hidden accept={IMAGE_ACCEPT} aria-label="Image file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void openAndReport(() => openFile(f)); }} />
        <p className="drop-privacy">Free and private: your image and text stay on this computer. Nothing is uploaded.</p>
      </div>
      {recovery && (
        <div className="recovery" role="status">
          <span>Unsaved work on “{recovery.name}” from {new Date(recovery.savedAt).toLocaleString()} can be restored.</span>
          <button type="button" className="primary" onClick={() => void openAndReport(() => openProjectBytes(recovery.bytes, recovery.name, { recovered: true }))}>Restore</button>
          <button type="button" onClick={() => void clearRecovery().then(() => setRecovery(null))}>Discard</button>
        </div>
      )}
    </div>
  );
}
