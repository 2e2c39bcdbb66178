import type { GalleryItem } from '../../shared/studio-types.ts';
import type { RecentResult } from '../tray/tray-menu.ts';

/** The newest gallery images as the tray menu shows them: prompt as the title, the file as thumbnail. */
export async function recentResults(
  gallery: { list(query?: string): Promise<GalleryItem[]>; pathOf(id: string): Promise<string | undefined> },
  count: number,
): Promise<RecentResult[]> {
  const newest = (await gallery.list()).slice(0, count);
  return Promise.all(
    newest.map(async (item) => ({ id: item.id, title: item.meta?.prompt || item.meta?.toolName || item.id, thumbnailPath: await gallery.pathOf(item.id) })),
  );
}
