import { z } from 'zod';

/**
 * The Add Text editor's file and clipboard requests: payload schemas and results. The editor
 * renders and encodes in the renderer; main only shows the dialog and writes or reads bytes.
 */
export const EXPORT_FORMATS = ['png', 'jpeg', 'webp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const MAX_EXPORT_BYTES = 512 * 1024 * 1024;
export const MAX_PROJECT_FILE_BYTES = 512 * 1024 * 1024;

const bytes = (max: number, what: string) =>
  z.instanceof(Uint8Array).refine((b) => b.length > 0, `${what} is empty`).refine((b) => b.length <= max, `${what} is larger than ${max / 2 ** 20} MB`);
// What the user sees in the dialog as the proposed name; main strips anything path-like.
const suggestedName = z.string().min(1).max(200);

export const editorPayloadSchemas = {
  saveExportedImage: z.object({ bytes: bytes(MAX_EXPORT_BYTES, 'The image'), format: z.enum(EXPORT_FORMATS), suggestedName }).strict(),
  saveProjectFile: z.object({ bytes: bytes(MAX_PROJECT_FILE_BYTES, 'The project'), suggestedName }).strict(),
  openProjectFile: z.undefined(),
  copyImageToClipboard: z.object({ png: bytes(MAX_EXPORT_BYTES, 'The image') }).strict(),
} as const;

export type SaveOutcome = { saved: true; path: string } | { saved: false };

export interface EditorFileResults {
  saveExportedImage: SaveOutcome;
  saveProjectFile: SaveOutcome;
  openProjectFile: { opened: true; name: string; bytes: Uint8Array } | { opened: false };
  copyImageToClipboard: { copied: true };
}
