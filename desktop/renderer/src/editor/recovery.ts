import { decodeProject, encodeProject } from './core/project-file.ts';
import { selectHasUnsavedChanges, useEditor } from './store.ts';

/**
 * A recovery copy of unsaved work in IndexedDB (on this computer only), written a moment after
 * each change, cleared once the work is saved or closed, and offered back when the editor opens.
 */
const DB = 'pp-add-text';
const STORE = 'recovery';
const KEY = 'latest';
const DELAY_MS = 1500;

export interface RecoveryCopy {
  bytes: Uint8Array<ArrayBuffer>;
  name: string;
  savedAt: number;
}

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = fn(db.transaction(STORE, mode).objectStore(STORE));
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export async function readRecovery(): Promise<RecoveryCopy | null> {
  try {
    const copy = (await run('readonly', (s) => s.get(KEY))) as RecoveryCopy | undefined;
    return copy && decodeProject(copy.bytes).ok ? copy : null;
  } catch {
    return null;
  }
}

export const clearRecovery = (): Promise<void> => run('readwrite', (s) => s.delete(KEY)).then(() => undefined, () => undefined);

/** Starts autosaving; answers a function that stops it. */
export function startRecoveryAutosave(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = useEditor.subscribe((state, previous) => {
    if (state.history?.present === previous.history?.present && state.savedDoc === previous.savedDoc) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = useEditor.getState();
      if (!s.history || !s.image || !selectHasUnsavedChanges(s)) {
        void clearRecovery();
        return;
      }
      const bytes = encodeProject({ document: s.history.present, image: { bytes: s.image.bytes, type: s.image.type }, fonts: s.localFonts }) as Uint8Array<ArrayBuffer>;
      const copy: RecoveryCopy = { bytes, name: s.projectName ?? s.history.present.image.name, savedAt: Date.now() };
      void run('readwrite', (st) => st.put(copy, KEY)).catch(() => undefined);
    }, DELAY_MS);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
