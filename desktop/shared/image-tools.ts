import { z } from 'zod';

/**
 * The image tools' requests (issue 6): the user's image goes to main as bytes (or as a gallery
 * item id), main checks and uploads it with the session; quotes say how the price follows
 * from this image's size. Generation itself reuses the studio's startGeneration.
 */
/** The backend's limit (POST /v1/uploads); main refuses bigger files before sending them. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
export const UPLOAD_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

const toolId = z.string().regex(/^image\/[a-z0-9-]{1,60}$/, 'not an image tool');

export const imageToolPayloadSchemas = {
  uploadImage: z
    .object({
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.length > 0, 'The image is empty')
        .refine((b) => b.length <= MAX_UPLOAD_BYTES, `Images can be at most ${MAX_UPLOAD_BYTES / 2 ** 20} MB`),
    })
    .strict(),
  uploadGalleryImage: z.object({ id: z.string().min(1).max(260) }).strict(),
  quoteImageTool: z
    .object({ tool: toolId, input: z.record(z.string().max(100), z.unknown()).refine((v) => JSON.stringify(v).length <= 8_000, 'the settings are too large') })
    .strict(),
} as const;

export interface UploadedImage {
  uploadId: string;
  width: number;
  height: number;
  contentType: UploadType;
}

export interface ImageToolQuote {
  cost: number;
  /** The backend's words for how this image's size made the price (absent for flat prices). */
  explanation?: string;
}

export interface ImageToolResults {
  uploadImage: UploadedImage;
  uploadGalleryImage: UploadedImage;
  quoteImageTool: ImageToolQuote;
}

/** The real type from the first bytes, as the backend decides it too. */
export function sniffUploadType(b: Uint8Array): UploadType | undefined {
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 12 && b[0] === 0x52 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x46 && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'image/webp';
  return undefined;
}
