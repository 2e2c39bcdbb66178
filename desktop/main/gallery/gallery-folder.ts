import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { GalleryItem, GallerySidecar } from '../../shared/studio-types.ts';
import { EXTENSION_FOR, type GalleryImageType } from './image-bytes.ts';
import { isSafeGalleryName, mediaUrlFor } from './media-protocol.ts';
import { parseSidecar, sidecarNameFor } from './sidecar.ts';

/**
 * The gallery is a plain folder the user owns: each image beside a JSON sidecar with its
 * prompt and settings. Files are written atomically (temp file, then rename) so a crash never
 * leaves a half image that looks whole; images dropped in by hand are listed too.
 */
export interface GalleryFolderDeps {
  /** The current gallery folder (preferences may change it). */
  dir: () => string;
  now: () => number;
}

function slugOf(prompt: string): string {
  const slug = prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'image';
}

function stampOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, '').replace('T', '_').replace(/:/g, '-');
}

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temp = join(dirname(path), `.pp-${randomBytes(6).toString('hex')}.part`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

const matchesQuery = (item: GalleryItem, terms: string[]) => {
  const haystack = `${item.meta?.prompt ?? ''} ${item.meta?.toolName ?? ''} ${item.id}`.toLowerCase();
  return terms.every((t) => haystack.includes(t));
};

export function createGalleryFolder(deps: GalleryFolderDeps) {
  // Search reads every sidecar; unchanged ones (same path, size and time) are not read again.
  const sidecars = new Map<string, { stamp: string; meta: GallerySidecar | undefined }>();
  async function sidecarFor(path: string): Promise<GallerySidecar | undefined> {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const stamp = `${info.size}:${info.mtimeMs}`;
    const known = sidecars.get(path);
    if (known?.stamp === stamp) return known.meta;
    const meta = await readFile(path, 'utf8').then(parseSidecar, () => undefined);
    sidecars.set(path, { stamp, meta });
    return meta;
  }

  async function itemFor(name: string): Promise<GalleryItem | undefined> {
    const dir = deps.dir();
    try {
      const info = await stat(join(dir, name));
      if (!info.isFile()) return undefined;
      const meta = await sidecarFor(join(dir, sidecarNameFor(name)));
      const created = meta ? Date.parse(meta.createdAt) : info.mtimeMs;
      return { id: name, url: mediaUrlFor(name), sizeBytes: info.size, createdAt: created, ...(meta ? { meta } : {}) };
    } catch {
      return undefined;
    }
  }

  return {
    dir: deps.dir,

    /** Saves one downloaded image and its sidecar; answers the new gallery item. */
    async saveImage(image: { bytes: Uint8Array; contentType: GalleryImageType }, sidecar: Omit<GallerySidecar, 'createdAt' | 'contentType'>): Promise<GalleryItem> {
      const dir = deps.dir();
      await mkdir(dir, { recursive: true });
      const now = deps.now();
      const base = `${stampOf(now)}_${slugOf(sidecar.prompt)}_${sidecar.generationId.replace(/[^A-Za-z0-9]/g, '').slice(-8) || 'local'}-${sidecar.index + 1}`;
      const name = `${base}.${EXTENSION_FOR[image.contentType]}`;
      const full: GallerySidecar = { ...sidecar, createdAt: new Date(now).toISOString(), contentType: image.contentType };
      // Image first: a sidecar never points at a missing image.
      await writeAtomically(join(dir, name), image.bytes);
      await writeAtomically(join(dir, sidecarNameFor(name)), `${JSON.stringify(full, null, 2)}\n`);
      return { id: name, url: mediaUrlFor(name), sizeBytes: image.bytes.byteLength, createdAt: now, meta: full };
    },

    /** Newest first; `query` matches every word against the prompt (and model name). */
    async list(query = ''): Promise<GalleryItem[]> {
      let names: string[];
      try {
        names = await readdir(deps.dir());
      } catch {
        return [];
      }
      const items = (await Promise.all(names.filter(isSafeGalleryName).map(itemFor))).filter((i): i is GalleryItem => i !== undefined);
      const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
      return items.filter((i) => matchesQuery(i, terms)).sort((a, b) => b.createdAt - a.createdAt || b.id.localeCompare(a.id));
    },

    get: (id: string) => (isSafeGalleryName(id) ? itemFor(id) : Promise.resolve(undefined)),

    /** The absolute path of an existing gallery image, or undefined for unknown or unsafe ids. */
    async pathOf(id: string): Promise<string | undefined> {
      if (!isSafeGalleryName(id)) return undefined;
      return (await itemFor(id)) ? join(deps.dir(), id) : undefined;
    },

    /** Deletes the image and its sidecar; false when there was no such image. */
    async remove(id: string): Promise<boolean> {
      if (!isSafeGalleryName(id) || !(await itemFor(id))) return false;
      await rm(join(deps.dir(), id), { force: true });
      await rm(join(deps.dir(), sidecarNameFor(id)), { force: true });
      return true;
    },
  };
}

export type GalleryFolder = ReturnType<typeof createGalleryFolder>;
