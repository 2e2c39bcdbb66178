import bebasNeue400 from '@fontsource/bebas-neue/files/bebas-neue-latin-400-normal.woff2?url';
import inter400 from '@fontsource/inter/files/inter-latin-400-normal.woff2?url';
import inter700 from '@fontsource/inter/files/inter-latin-700-normal.woff2?url';
import playfair400 from '@fontsource/playfair-display/files/playfair-display-latin-400-normal.woff2?url';
import playfair700 from '@fontsource/playfair-display/files/playfair-display-latin-700-normal.woff2?url';
import playfair400i from '@fontsource/playfair-display/files/playfair-display-latin-400-italic.woff2?url';

/**
 * Fonts the editor offers: a few bundled open-licence fonts (SIL OFL, from Fontsource, shipped
 * inside the app so they work offline), common system fonts, and fonts the user loads from disk.
 */
export const BUNDLED_FONTS = [
  { family: 'Inter', faces: [{ url: inter400, weight: '400', style: 'normal' }, { url: inter700, weight: '700', style: 'normal' }] },
  { family: 'Bebas Neue', faces: [{ url: bebasNeue400, weight: '400', style: 'normal' }] },
  {
    family: 'Playfair Display',
    faces: [
      { url: playfair400, weight: '400', style: 'normal' },
      { url: playfair700, weight: '700', style: 'normal' },
      { url: playfair400i, weight: '400', style: 'italic' },
    ],
  },
] as const;

export const SYSTEM_FONTS = ['Arial', 'Helvetica', 'Georgia', 'Times New Roman', 'Courier New', 'Verdana', 'Trebuchet MS', 'Impact', 'Comic Sans MS', 'serif', 'sans-serif', 'monospace'];

let bundledLoad: Promise<void> | null = null;

/** Loads the bundled fonts once (from the app's own files); resolves when all are usable. */
export function loadBundledFonts(): Promise<void> {
  bundledLoad ??= Promise.all(
    BUNDLED_FONTS.flatMap((f) =>
      f.faces.map(async (face) => {
        const font = new FontFace(f.family, `url(${face.url})`, { weight: face.weight, style: face.style });
        document.fonts.add(await font.load());
      }),
    ),
  ).then(() => undefined);
  return bundledLoad;
}

export const FONT_FILE_ACCEPT = '.ttf,.otf,.woff,.woff2,font/ttf,font/otf,font/woff,font/woff2';

/** A family name from a font file name: "My-Font_Bold.ttf" → "My Font Bold". */
export const familyFromFileName = (name: string): string =>
  name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').replace(/[^\p{L}\p{N} ]/gu, '').trim().slice(0, 60) || 'Custom font';

/** Registers font file bytes with the page; answers a clear error when the file is not a usable font. */
export async function registerFontBytes(family: string, bytes: Uint8Array<ArrayBuffer>): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const face = new FontFace(family, bytes);
    document.fonts.add(await face.load());
    return { ok: true };
  } catch {
    return { ok: false, message: 'That file is not a font this app can use. Choose a TTF, OTF, WOFF or WOFF2 file.' };
  }
}
