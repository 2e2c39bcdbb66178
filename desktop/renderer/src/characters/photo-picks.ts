import { MAX_CHARACTER_PHOTO_BYTES, MAX_CHARACTER_PHOTOS } from '../../../shared/character-types.ts';

/** A photo the user dropped, with what the page found wrong with it (if anything). */
export interface PhotoPick {
  key: string;
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  url: string;
  width?: number;
  height?: number;
  problem?: string;
  warning?: string;
}

const ACCEPTED = new Set(['image/png', 'image/jpeg', 'image/webp']);
/** Below this the trainer sees too little of the face; the backend accepts it, the page warns. */
const MIN_GOOD_SIDE = 512;

function looksLikeImage(bytes: Uint8Array): boolean {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  const webp = bytes.length > 12 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
  return png || jpeg || webp;
}

async function dimensions(url: string): Promise<{ width: number; height: number } | undefined> {
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  } catch {
    return undefined;
  }
}

/** Reads dropped or pasted files into picks, flagging what cannot or should not be used. */
export async function readPicks(files: File[], existing: PhotoPick[]): Promise<PhotoPick[]> {
  const seen = new Set(existing.map((p) => `${p.name}:${p.bytes.length}`));
  const out: PhotoPick[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const key = `${file.name}:${bytes.length}`;
    const url = URL.createObjectURL(new Blob([bytes], { type: file.type || 'application/octet-stream' }));
    const pick: PhotoPick = { key: `${key}:${Math.random().toString(36).slice(2)}`, name: file.name || 'Pasted photo', bytes, url };
    // The bytes decide, not the name or the type the system guessed (the backend checks again).
    if (!looksLikeImage(bytes)) pick.problem = ACCEPTED.has(file.type) ? 'Damaged or not really an image' : 'Not a PNG, JPEG or WebP photo';
    else if (bytes.length > MAX_CHARACTER_PHOTO_BYTES) pick.problem = `Larger than ${MAX_CHARACTER_PHOTO_BYTES / 2 ** 20} MB`;
    else {
      const size = await dimensions(url);
      if (!size) pick.problem = 'Could not be opened';
      else {
        pick.width = size.width;
        pick.height = size.height;
        if (Math.min(size.width, size.height) < MIN_GOOD_SIDE) pick.warning = 'Small: faces may come out soft';
      }
    }
    if (seen.has(key)) pick.problem = 'Same photo twice';
    seen.add(key);
    out.push(pick);
  }
  return [...existing, ...out].slice(0, MAX_CHARACTER_PHOTOS + 10);
}

export const usablePicks = (picks: PhotoPick[]) => picks.filter((p) => !p.problem);
