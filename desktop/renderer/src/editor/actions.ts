import { mainApi } from '../common/pp.ts';
import { useEditorEntry } from './entry.ts';
import { baseName, exportImage, projectBytes, type ExportOptions } from './export-image.ts';
import { openAndReport, openProjectBytes } from './open-files.ts';
import { useEditor } from './store.ts';

/**
 * What the toolbar and shortcuts do with the document: export, copy, save and open projects.
 * Each reports its outcome in the editor's notice line and never changes the document on failure.
 */
const editor = () => useEditor.getState();

async function withBusy<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (editor().editingId !== null) {
    editor().edit(null);
    // The layer being edited is hidden under its textarea; let React show it before drawing.
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  editor().setBusy(label);
  try {
    return await work();
  } finally {
    editor().setBusy(null);
  }
}

async function renderExport(opts: ExportOptions) {
  const s = editor();
  if (!s.history || !s.image) return null;
  const res = await exportImage(s.history.present, s.image.bitmap, opts, s.image.type !== 'image/jpeg');
  if (!res.ok) {
    s.notify({ kind: 'error', text: res.message });
    return null;
  }
  return res;
}

export const exportToFile = (opts: ExportOptions) =>
  withBusy('Exporting…', async () => {
    const res = await renderExport(opts);
    if (!res) return;
    const name = `${baseName(editor().history!.present.image.name)}-text`;
    const saved = await mainApi().editor.saveExportedImage({ bytes: res.bytes, format: opts.format, suggestedName: name });
    if (!saved.ok) editor().notify({ kind: 'error', text: saved.error.message });
    else if (saved.value.saved) editor().notify({ kind: 'info', text: `Exported ${res.width} × ${res.height} to ${saved.value.path}` });
  });

export const copyToClipboard = (scale: number) =>
  withBusy('Copying…', async () => {
    const res = await renderExport({ format: 'png', quality: 1, scale });
    if (!res) return;
    const copied = await mainApi().editor.copyImageToClipboard(res.bytes);
    editor().notify(copied.ok ? { kind: 'info', text: 'Copied the image to the clipboard.' } : { kind: 'error', text: copied.error.message });
  });

export const saveToGallery = (opts: ExportOptions) =>
  withBusy('Saving to gallery…', async () => {
    const save = useEditorEntry.getState().saveToGallery;
    if (!save) return;
    const res = await renderExport(opts);
    if (!res) return;
    const out = await save({ bytes: res.bytes, format: opts.format, width: res.width, height: res.height, sourceName: editor().history!.present.image.name });
    editor().notify(out.ok ? { kind: 'info', text: 'Saved to your gallery.' } : { kind: 'error', text: out.message });
  });

export const saveProject = () =>
  withBusy('Saving project…', async () => {
    const bytes = projectBytes();
    if (!bytes) return;
    const s = editor();
    const name = s.projectName ?? baseName(s.history!.present.image.name);
    const doc = s.history!.present;
    const saved = await mainApi().editor.saveProjectFile({ bytes, suggestedName: baseName(name) });
    if (!saved.ok) return editor().notify({ kind: 'error', text: saved.error.message });
    if (!saved.value.saved) return;
    // Only what was written counts as saved, even if the user kept editing meanwhile.
    useEditor.setState({ savedDoc: doc, projectName: saved.value.path.split(/[\\/]/).pop() ?? name });
    editor().notify({ kind: 'info', text: `Saved project to ${saved.value.path}` });
  });

export const openProject = () =>
  openAndReport(async () => {
    const res = await mainApi().editor.openProjectFile();
    if (!res.ok) return { ok: false, message: res.error.message };
    if (!res.value.opened) return { ok: true };
    return openProjectBytes(new Uint8Array(res.value.bytes), res.value.name);
  });
