import { fail, ok } from '../../shared/result.ts';
import type { IpcHandlers } from '../ipc-dispatcher.ts';
import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { GalleryFolder } from './gallery-folder.ts';
import { sniffImageType } from './image-bytes.ts';

/** Largest gallery file handed to the editor (a 40 MP PNG is well below). */
const MAX_EDITOR_BYTES = 150 * 1024 * 1024;
const FORMAT_TYPES = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' } as const;

export interface GalleryHandlerDeps {
  gallery: GalleryFolder;
  /** Shows the file in the system file manager (Electron's shell.showItemInFolder). */
  revealInFolder: (path: string) => void;
  /** Puts the image on the clipboard (Electron's clipboard.writeImage). */
  copyImageToClipboard: (path: string) => Promise<void> | void;
  onGalleryChanged: (reason: 'added' | 'deleted') => void;
}

type GalleryChannels = 'listGallery' | 'deleteGalleryItem' | 'revealGalleryItem' | 'copyGalleryItem' | 'openGalleryItemInEditor' | 'saveImageToGallery';

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
      const path = await deps.gallery.pathOf(id);
      if (!path) return missing();
      if ((await stat(path)).size > MAX_EDITOR_BYTES) return fail('too_large', 'That image is too large to open in Add Text.');
      const bytes = new Uint8Array(await readFile(path));
      if (!sniffImageType(bytes)) return fail('invalid_image', 'That file is not a PNG, JPEG or WebP image.');
      return ok({ id, name: id, bytes });
    },
    // An Add Text export: the bytes must really be the format claimed; saved with a sidecar like
    // generated images, marked as made on this computer.
    saveImageToGallery: async ({ bytes, format, sourceName }) => {
      const contentType = FORMAT_TYPES[format];
      if (sniffImageType(bytes) !== contentType) return fail('invalid_image', `That is not a ${format.toUpperCase()} image.`);
      const item = await deps.gallery.saveImage(
        { bytes, contentType },
        { version: 1, generationId: `local-${randomUUID()}`, tool: 'add-text', toolName: 'Add Text to Image', prompt: `Text on ${sourceName || 'an image'}`, params: {}, index: 0 },
      );
      deps.onGalleryChanged('added');
      return ok({ id: item.id });
    },
  };
}
