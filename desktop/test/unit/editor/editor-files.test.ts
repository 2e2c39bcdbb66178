import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditorFileHandlers, nodeFileAccess, safeFileName, type EditorFileDeps } from '../../../main/editor-files.ts';
import { createIpcDispatcher } from '../../../main/ipc-dispatcher.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9]);

describe('the editor file handlers in main', () => {
  let dir: string;
  let deps: EditorFileDeps;
  let savePath: string | null;
  let openPath: string | null;
  const clipboard: Uint8Array[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pp-editor-'));
    savePath = join(dir, 'out');
    openPath = null;
    deps = {
      ...(await nodeFileAccess()),
      chooseSavePath: async () => savePath,
      chooseOpenPath: async () => openPath,
      writeClipboardImage: (png) => void clipboard.push(png),
    };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes exported bytes where the user chose, adding the extension', async () => {
    const h = createEditorFileHandlers(deps);
    expect(await h.saveExportedImage({ bytes: PNG, format: 'png', suggestedName: 'photo' })).toEqual({ ok: true, value: { saved: true, path: join(dir, 'out.png') } });
    expect(new Uint8Array(await readFile(join(dir, 'out.png')))).toEqual(PNG);
  });

  it('writes nothing when the user cancels the dialog', async () => {
    savePath = null;
    const h = createEditorFileHandlers(deps);
    expect(await h.saveProjectFile({ bytes: ZIP, suggestedName: 'p' })).toEqual({ ok: true, value: { saved: false } });
  });

  it('refuses bytes that are not the claimed format', async () => {
    const h = createEditorFileHandlers(deps);
    expect(await h.saveExportedImage({ bytes: PNG, format: 'jpeg', suggestedName: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await h.saveProjectFile({ bytes: PNG, suggestedName: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await h.copyImageToClipboard({ png: ZIP })).toMatchObject({ ok: false });
  });

  it('opens a project file and refuses a file that is not one', async () => {
    const h = createEditorFileHandlers(deps);
    openPath = join(dir, 'a.pptext');
    await writeFile(openPath, ZIP);
    expect(await h.openProjectFile(undefined)).toEqual({ ok: true, value: { opened: true, name: 'a.pptext', bytes: ZIP } });
    openPath = join(dir, 'b.pptext');
    await writeFile(openPath, 'not a zip');
    expect(await h.openProjectFile(undefined)).toMatchObject({ ok: false, error: { code: 'invalid_file' } });
  });

  it('puts PNG bytes on the clipboard', async () => {
    const h = createEditorFileHandlers(deps);
    expect(await h.copyImageToClipboard({ png: PNG })).toEqual({ ok: true, value: { copied: true } });
    expect(clipboard.at(-1)).toEqual(PNG);
  });

  it('proposes plain file names only', () => {
    expect(safeFileName('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(safeFileName('My photo.jpg', 'webp')).toBe('My photo.webp');
    expect(safeFileName('', 'png')).toBe('image.png');
  });

  it('the dispatcher refuses an export payload that is not bytes', async () => {
    const h = createEditorFileHandlers(deps);
    const dispatch = createIpcDispatcher({ ...h } as never, { isAppUrl: () => true });
    const res = await dispatch('saveExportedImage', { bytes: 'AAAA', format: 'png', suggestedName: 'x' }, { frameUrl: 'app://x', isTopFrame: true, windowKind: 'main' });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });
});
