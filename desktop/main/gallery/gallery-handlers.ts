import { fail, ok } from '../../shared/result.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';
import type { GalleryFolder } from './gallery-folder.ts';

export interface GalleryHandlerDeps {
  gallery: GalleryFolder;
  /** Shows the file in the system file manager (Electron's shell.showItemInFolder). */
  revealInFolder: (path: string) => void;
  /** Puts the image on the clipboard (Electron's clipboard.writeImage). */
  copyImageToClipboard: (path: string) => Promise<void> | void;
  onGalleryChanged: (reason: 'added' | 'deleted') => void;
}

type GalleryChannels = 'listGallery' | 'deleteGalleryItem' | 'revealGalleryItem' | 'copyGalleryItem' | 'openGalleryItemInEditor';

const missing = () => fail('not_found', 'That image is no longer in your gallery folder.');

/** The gallery's channels. Ids are file names; the folder module refuses anything else. */
export function createGalleryHandlers(deps: GalleryHandlerDeps): Pick<IpcHandlers, GalleryChannels> {
  return {
    listGallery: (payload) => deps.gallery.list(payload?.query ?? ''),
    deleteGalleryItem: async ({ id }) => {
      if (!(await deps.gallery.remove(id))) return missing();
      deps.onGalleryChanged('deleted');
      return ok({ deleted: true as const });
    },
    revealGalleryItem: async ({ id }) => {
      const path = await deps.gallery.pathOf(id);
      if (!path) return missing();
      deps.revealInFolder(path);
      return ok({ revealed: true as const });
    },
    copyGalleryItem: async ({ id }) => {
      const path = await deps.gallery.pathOf(id);
      if (!path) return missing();
      try {
        await deps.copyImageToClipboard(path);
      } catch {
        return fail('copy_failed', 'This image could not be put on the clipboard. Use “Show in folder” and copy the file instead.');
      }
      return ok({ copied: true as const });
    },
    openGalleryItemInEditor: async ({ id }) => {
      const item = await deps.gallery.get(id);
      const path = await deps.gallery.pathOf(id);
      if (!item || !path) return missing();
      return ok({ id, path, url: item.url });
    },
  };
}
