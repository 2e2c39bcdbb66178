import { z } from 'zod';
import type { GallerySidecar } from '../../shared/studio-types.ts';

/** The sidecar JSON beside each gallery image; files on disk are input too, so they are parsed. */
export const gallerySidecarSchema = z.object({
  version: z.literal(1),
  generationId: z.string().max(200),
  tool: z.string().max(200),
  toolName: z.string().max(200),
  prompt: z.string().max(20_000),
  negativePrompt: z.string().max(20_000).optional(),
  seed: z.number().int().optional(),
  params: z.record(z.string(), z.unknown()),
  cost: z.number().int().nonnegative().optional(),
  createdAt: z.iso.datetime(),
  index: z.number().int().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  contentType: z.string().max(100),
}) satisfies z.ZodType<GallerySidecar>;

export const sidecarNameFor = (imageName: string) => `${imageName.slice(0, imageName.lastIndexOf('.'))}.json`;

export function parseSidecar(text: string): GallerySidecar | undefined {
  try {
    const parsed = gallerySidecarSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as GallerySidecar) : undefined;
  } catch {
    return undefined;
  }
}
