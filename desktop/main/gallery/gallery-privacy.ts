import type { GalleryItem } from '../../shared/studio-types.ts';

/**
 * The gallery's part in the user's rights: its metadata goes into "Download my data", and
 * "also delete my gallery" removes every image with its sidecar.
 */
export function galleryForPrivacy(gallery: { list(query?: string): Promise<GalleryItem[]>; remove(id: string): Promise<boolean> }) {
  return {
    async metadata(): Promise<unknown[]> {
      return (await gallery.list()).map((item) => ({ file: item.id, created_at: new Date(item.createdAt).toISOString(), size_bytes: item.sizeBytes, ...item.meta }));
    },
    async deleteAll(): Promise<number> {
      let removed = 0;
      for (const item of await gallery.list()) if (await gallery.remove(item.id)) removed++;
      return removed;
    },
  };
}
