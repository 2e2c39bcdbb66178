import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileAccess, type EditorFileDeps } from '../../main/editor-files.ts';

/**
 * Stand-ins for the save/open dialogs and the clipboard: saves land in a temp folder under the
 * name the app proposed, opens read whatever path the test queued, and copies are recorded.
 */
export interface TestEditorFiles {
  deps: EditorFileDeps;
  dir: string;
  /** Every path a save dialog answered, in order. */
  saved: string[];
  /** PNG bytes put on the clipboard, in order. */
  clipboard: Uint8Array[];
  /** The path the next open dialog answers (null: the user cancels). */
  queueOpen(path: string | null): void;
  /** Makes the next save dialog answer "cancelled". */
  cancelNextSave(): void;
  cleanup(): Promise<void>;
}

export async function createTestEditorFiles(): Promise<TestEditorFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'pp-editor-files-'));
  const saved: string[] = [];
  const clipboard: Uint8Array[] = [];
  let nextOpen: string | null = null;
  let cancelSave = false;
  const fileAccess = await nodeFileAccess();
  return {
    dir,
    saved,
    clipboard,
    queueOpen: (path) => (nextOpen = path),
    cancelNextSave: () => (cancelSave = true),
    cleanup: () => rm(dir, { recursive: true, force: true }),
    deps: {
      ...fileAccess,
      chooseSavePath: async ({ defaultName }) => {
        if (cancelSave) {
          cancelSave = false;
          return null;
        }
        const path = join(dir, `${saved.length}-${defaultName}`);
        saved.push(path);
        return path;
      },
      chooseOpenPath: async () => {
        const path = nextOpen;
        nextOpen = null;
        return path;
      },
      writeClipboardImage: (png) => void clipboard.push(png),
    },
  };
}
