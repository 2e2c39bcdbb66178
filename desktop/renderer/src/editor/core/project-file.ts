import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { textLayerSchema, type EditorDocument } from './document.ts';

/**
 * The editable project file (`.pptext`): a zip holding `project.json` (this schema), the
 * original image bytes untouched, and any fonts the user loaded from disk. Documented in
 * docs/add-text-project-format.md. Opening validates everything before anything changes.
 */
export const PROJECT_FORMAT = 'promptpixels-add-text';
export const PROJECT_VERSION = 1;
export const PROJECT_EXTENSION = 'pptext';
export const MAX_PROJECT_BYTES = 512 * 1024 * 1024;

// HEIC is kept as is where Chromium decodes it (e.g. some macOS builds); elsewhere opening says how to convert.
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/heic', 'image/gif', 'image/bmp'] as const;
const safeFile = z.string().regex(/^[a-z]+\/[A-Za-z0-9._-]{1,100}$/);

const manifestSchema = z
  .object({
    format: z.literal(PROJECT_FORMAT),
    version: z.literal(PROJECT_VERSION),
    image: z.object({ name: z.string().max(300), width: z.number().int().min(1).max(100_000), height: z.number().int().min(1).max(100_000), type: z.enum(IMAGE_TYPES), file: safeFile }).strict(),
    layers: z.array(textLayerSchema).max(1000),
    fonts: z.array(z.object({ family: z.string().min(1).max(200), file: safeFile }).strict()).max(50),
  })
  .strict();

export type ProjectManifest = z.infer<typeof manifestSchema>;
export type ProjectImageType = (typeof IMAGE_TYPES)[number];
export const isProjectImageType = (t: string): t is ProjectImageType => (IMAGE_TYPES as readonly string[]).includes(t);

export interface ProjectContents {
  document: EditorDocument;
  image: { bytes: Uint8Array; type: ProjectImageType };
  fonts: { family: string; bytes: Uint8Array }[];
}

export function encodeProject(p: ProjectContents): Uint8Array {
  const imageFile = `image/original.${p.image.type.split('/')[1]}`;
  const fonts = p.fonts.map((f, i) => ({ family: f.family, file: `fonts/font-${i}.bin` }));
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    image: { ...p.document.image, type: p.image.type, file: imageFile },
    layers: p.document.layers,
    fonts,
  };
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    'project.json': strToU8(JSON.stringify(manifest, null, 2)),
    // Images and fonts are already compressed; storing them keeps saving fast on big photos.
    [imageFile]: [p.image.bytes, { level: 0 }],
  };
  p.fonts.forEach((f, i) => (files[fonts[i]!.file] = [f.bytes, { level: 0 }]));
  return zipSync(files);
}

export type DecodedProject = { ok: true; project: ProjectContents } | { ok: false; message: string };

export function decodeProject(bytes: Uint8Array): DecodedProject {
  if (bytes.length > MAX_PROJECT_BYTES) return { ok: false, message: 'This project file is larger than 512 MB and cannot be opened.' };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return { ok: false, message: 'This is not an Add Text project file (it is not a readable .pptext archive).' };
  }
  const json = files['project.json'];
  if (!json) return { ok: false, message: 'This project file has no project.json; it may be damaged.' };
  let raw: unknown;
  try {
    raw = JSON.parse(strFromU8(json));
  } catch {
    return { ok: false, message: 'This project file’s project.json is not valid JSON; it may have been edited by hand.' };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > PROJECT_VERSION) {
    return { ok: false, message: `This project was saved by a newer PromptPixels (format version ${version}). Update the app to open it.` };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `This project file is not valid: ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unknown problem'}.` };
  }
  const m = parsed.data;
  const ids = new Set(m.layers.map((l) => l.id));
  if (ids.size !== m.layers.length) return { ok: false, message: 'This project file is not valid: two layers share an id.' };
  const image = files[m.image.file];
  if (!image || image.length === 0) return { ok: false, message: 'This project file is missing its image.' };
  const fonts: ProjectContents['fonts'] = [];
  for (const f of m.fonts) {
    const font = files[f.file];
    if (!font) return { ok: false, message: `This project file is missing the font “${f.family}”.` };
    fonts.push({ family: f.family, bytes: font });
  }
  return {
    ok: true,
    project: {
      document: { image: { name: m.image.name, width: m.image.width, height: m.image.height }, layers: m.layers },
      image: { bytes: image, type: m.image.type },
      fonts,
    },
  };
}
