import { clipboard, ClipboardItem, dialog, type BrowserWindow } from 'electron';
import { writeFile, readFile, stat } from 'node:fs/promises';
import type { EditorFileDeps } from './editor-files.ts';

/** The Electron edge of the editor's file handlers: dialogs parented to the main window, and the clipboard. */
export function electronEditorFileDeps(parent: () => BrowserWindow | undefined): EditorFileDeps {
  return {
    chooseSavePath: async ({ title, defaultName, filters }) => {
      const win = parent();
      const opts = { title, defaultPath: defaultName, filters };
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return res.canceled || !res.filePath ? null : res.filePath;
    },
    chooseOpenPath: async ({ title, filters }) => {
      const win = parent();
      const opts = { title, filters, properties: ['openFile' as const] };
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    fileSize: async (path) => (await stat(path)).size,
    // Electron 45's clipboard takes W3C-style ClipboardItems; a PNG blob becomes an image on the OS clipboard.
    writeClipboardImage: (png) => clipboard.write([new ClipboardItem({ 'image/png': new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }) })]),
  };
}

/**
 * The renderer's beforeunload handler blocks closing while the Add Text editor has unsaved
 * changes; Electron then emits will-prevent-unload and, unlike a browser, shows nothing. Ask.
 */
export function confirmUnsavedChangesOnClose(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Close without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'Your Add Text changes are not saved.',
      detail: 'A recovery copy is kept on this computer, but saving a project keeps your work safe.',
    });
    // preventDefault here means "ignore the page's objection and close".
    if (choice === 0) event.preventDefault();
  });
}
