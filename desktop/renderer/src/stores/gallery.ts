import { create } from 'zustand';
import type { GalleryItem } from '../../../shared/studio-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { mainApi } from '../common/pp.ts';
import { openImageInEditor, registerSaveToGallery } from '../editor/entry.ts';

/** The local gallery as the grid shows it; main owns the folder and pushes changes. */
interface GalleryState {
  items: GalleryItem[] | undefined;
  query: string;
  error: IpcError | undefined;
  /** The image open in the large view. */
  viewing: string | undefined;
  /** A short confirmation ("Copied") or error line for the last action. */
  notice: { text: string; tone: 'ok' | 'error' } | undefined;
  load: () => Promise<void>;
  setQuery: (query: string) => void;
  remove: (id: string) => Promise<boolean>;
  reveal: (id: string) => Promise<void>;
  copy: (id: string) => Promise<void>;
  openInEditor: (id: string) => Promise<void>;
}

let loadSeq = 0;

export const useGallery = create<GalleryState>((set, get) => {
  const report = (res: { ok: true } | { ok: false; error: IpcError }, okText: string) =>
    set({ notice: res.ok ? { text: okText, tone: 'ok' } : { text: res.error.message, tone: 'error' } });
  return {
    items: undefined,
    query: '',
    error: undefined,
    viewing: undefined,
    notice: undefined,
    async load() {
      const seq = ++loadSeq;
      const res = await mainApi().gallery.list(get().query.trim());
      // A slower answer to an older query must not replace a newer one.
      if (seq !== loadSeq) return;
      set(res.ok ? { items: res.value, error: undefined } : { error: res.error });
    },
    setQuery(query) {
      set({ query });
      void get().load();
    },
    async remove(id) {
      const res = await mainApi().gallery.remove(id);
      report(res, 'Deleted.');
      if (res.ok) set({ items: get().items?.filter((i) => i.id !== id), viewing: get().viewing === id ? undefined : get().viewing });
      return res.ok;
    },
    async reveal(id) {
      const res = await mainApi().gallery.reveal(id);
      if (!res.ok) report(res, '');
    },
    async copy(id) {
      report(await mainApi().gallery.copy(id), 'Copied to the clipboard.');
    },
    async openInEditor(id) {
      const res = await mainApi().gallery.openInEditor(id);
      if (!res.ok) return report(res, '');
      openImageInEditor(res.value.bytes, res.value.name);
    },
  };
});

/** Reloads on main's gallery events (new results saved, files deleted). */
export function followGallery(): () => void {
  // The Add Text editor's "Save to gallery" writes through main, like generated images.
  const unregister = registerSaveToGallery(async (image) => {
    const res = await mainApi().gallery.saveImage({ bytes: image.bytes, format: image.format, sourceName: image.sourceName });
    return res.ok ? { ok: true } : { ok: false, message: res.error.message };
  });
  const unsubscribe = followGalleryChanges();
  return () => {
    unregister();
    unsubscribe();
  };
}

function followGalleryChanges(): () => void {
  return mainApi().gallery.onChanged(() => void useGallery.getState().load());
}
