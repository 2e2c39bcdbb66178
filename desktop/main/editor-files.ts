import { basename, extname } from 'node:path';
import type { ExportFormat, EditorFileResults } from '../shared/editor-files.ts';
import { MAX_PROJECT_FILE_BYTES } from '../shared/editor-files.ts';
import type { IpcPayload } from '../shared/ipc-schemas.ts';
import { fail, ok, type IpcResult } from '../shared/result.ts';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/**
 * What the Add Text editor needs from the operating system, injected so the handlers run in
 * tests without Electron: desktop/main/editor-electron.ts builds these from dialog and clipboard.
 */
export interface EditorFileDeps {
  /** Shows a save dialog; answers the chosen path, or null when the user cancels. */
  chooseSavePath: (opts: { title: string; defaultName: string; filters: FileFilter[] }) => Promise<string | null>;
  /** Shows an open dialog; answers the chosen path, or null when the user cancels. */
  chooseOpenPath: (opts: { title: string; filters: FileFilter[] }) => Promise<string | null>;
  writeFile: (path: string, bytes: Uint8Array) => Promise<void>;
  readFile: (path: string) => Promise<Uint8Array>;
  fileSize: (path: string) => Promise<number>;
  /** Puts a PNG on the system clipboard as an image. */
  writeClipboardImage: (png: Uint8Array) => Promise<void> | void;
}

const EXTENSIONS: Record<ExportFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };
const LABELS: Record<ExportFormat, string> = { png: 'PNG image', jpeg: 'JPEG image', webp: 'WebP image' };
const PROJECT_EXTENSION = 'pptext';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** Checks the bytes really are the format claimed, so main never writes something else under that name. */
export function looksLike(format: ExportFormat | 'zip', b: Uint8Array): boolean {
  switch (format) {
    case 'png':
      return startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(b, [0xff, 0xd8, 0xff]);
    case 'webp':
      return startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8);
    case 'zip':
      return startsWith(b, [0x50, 0x4b, 0x03, 0x04]);
  }
}

/** A plain file name with the right extension: no folders, no control characters. */
export function safeFileName(suggested: string, extension: string): string {
  const base = basename(suggested.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f<>:"|?*]/g, '')
    .trim();
  const stem = base.slice(0, base.length - extname(base).length).trim() || 'image';
  return `${stem.slice(0, 120)}.${extension}`;
}

function withExtension(path: string, extension: string): string {
  return extname(path).toLowerCase() === `.${extension}` || (extension === 'jpg' && extname(path).toLowerCase() === '.jpeg') ? path : `${path}.${extension}`;
}

type Handler<K extends keyof EditorFileResults> = (payload: IpcPayload<K>) => Promise<IpcResult<EditorFileResults[K]>>;

export function createEditorFileHandlers(deps: EditorFileDeps): { [K in keyof EditorFileResults]: Handler<K> } {
  const save = async (bytes: Uint8Array, name: string, ext: string, filter: FileFilter, title: string) => {
    const chosen = await deps.chooseSavePath({ title, defaultName: safeFileName(name, ext), filters: [filter] });
    if (chosen === null) return ok({ saved: false as const });
    const path = withExtension(chosen, ext);
    try {
      await deps.writeFile(path, bytes);
    } catch (err) {
      return fail('write_failed', `Could not save to ${path}: ${err instanceof Error ? err.message : String(err)}. Choose another folder.`);
    }
    return ok({ saved: true as const, path });
  };

  return {
    saveExportedImage: async ({ bytes, format, suggestedName }) => {
      if (!looksLike(format, bytes)) return fail('invalid_payload', `That is not a ${LABELS[format]}; nothing was saved.`);
      const ext = EXTENSIONS[format];
      return save(bytes, suggestedName, ext, { name: LABELS[format], extensions: format === 'jpeg' ? ['jpg', 'jpeg'] : [ext] }, 'Export image');
    },
    saveProjectFile: async ({ bytes, suggestedName }) => {
      if (!looksLike('zip', bytes)) return fail('invalid_payload', 'That is not an Add Text project; nothing was saved.');
      return save(bytes, suggestedName, PROJECT_EXTENSION, { name: 'Add Text project', extensions: [PROJECT_EXTENSION] }, 'Save project');
    },
    openProjectFile: async () => {
      const path = await deps.chooseOpenPath({ title: 'Open project', filters: [{ name: 'Add Text project', extensions: [PROJECT_EXTENSION] }] });
      if (path === null) return ok({ opened: false as const });
      try {
        const size = await deps.fileSize(path);
        if (size > MAX_PROJECT_FILE_BYTES) return fail('too_large', 'That project file is larger than 512 MB and cannot be opened.');
        const bytes = await deps.readFile(path);
        if (!looksLike('zip', bytes)) return fail('invalid_file', `${basename(path)} is not an Add Text project file.`);
        return ok({ opened: true as const, name: basename(path), bytes });
      } catch (err) {
        return fail('read_failed', `Could not read ${basename(path)}: ${err instanceof Error ? err.message : String(err)}.`);
      }
    },
    copyImageToClipboard: async ({ png }) => {
      if (!looksLike('png', png)) return fail('invalid_payload', 'Only PNG images can be copied; nothing was copied.');
      await deps.writeClipboardImage(png);
      return ok({ copied: true as const });
    },
  };
}

/** Node's file system, for main and for tests. */
export async function nodeFileAccess(): Promise<Pick<EditorFileDeps, 'writeFile' | 'readFile' | 'fileSize'>> {
  const fs = await import('node:fs/promises');
  return {
    writeFile: (path, bytes) => fs.writeFile(path, bytes),
    readFile: async (path) => new Uint8Array(await fs.readFile(path)),
    fileSize: async (path) => (await fs.stat(path)).size,
  };
}
