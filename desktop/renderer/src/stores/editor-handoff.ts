import { create } from 'zustand';
import { useNavigation } from './navigation.ts';

/**
 * Hands a gallery image to the Add Text editor: `openInEditor(path)` records the image and
 * navigates to 'add-text'; the editor takes the pending image once (`take`) when it opens.
 */
export interface EditorImageRequest {
  /** Absolute path of the image in the gallery folder. */
  path: string;
  /** pp-media:// URL the renderer can display or fetch. */
  url?: string;
  requestedAt: number;
}

interface EditorHandoffState {
  pending: EditorImageRequest | undefined;
  openInEditor: (path: string, url?: string) => void;
  take: () => EditorImageRequest | undefined;
}

export const useEditorHandoff = create<EditorHandoffState>((set, get) => ({
  pending: undefined,
  openInEditor(path, url) {
    set({ pending: { path, ...(url ? { url } : {}), requestedAt: Date.now() } });
    useNavigation.getState().go('add-text');
  },
  take() {
    const pending = get().pending;
    set({ pending: undefined });
    return pending;
  },
}));
