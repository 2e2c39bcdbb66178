import { z } from 'zod';
import { ASPECT_RATIOS, MAIN_DESTINATIONS, MAX_QUICK_COUNT } from './choices.ts';

export { MAIN_DESTINATIONS, MAX_QUICK_COUNT };

/** What the quick-generate popup asks for: one prompt and the chips' choices. */

export const quickGenerateRequestSchema = z
  .object({
    prompt: z.string().trim().min(1, 'Type a prompt first.').max(2000),
    /** Style or theme preset id from the catalog; null for none. */
    preset: z.string().min(1).max(120).nullable(),
    aspectRatio: z.enum(ASPECT_RATIOS),
    count: z.number().int().min(1).max(MAX_QUICK_COUNT),
  })
  .strict();
export type QuickGenerateRequest = z.infer<typeof quickGenerateRequestSchema>;

/** Whether a generation can start now, and if not, the one thing that fixes it. */
export type QuickReadiness =
  | { state: 'ready'; balance: number | undefined }
  | { state: 'signed-out' }
  | { state: 'out-of-credits'; balance: number };

export interface QuickPreset {
  id: string;
  label: string;
}

/** The chips' choices, from the catalog, and the user's defaults from Preferences. */
export interface QuickGenerateOptions {
  readiness: QuickReadiness;
  presets: QuickPreset[];
  aspectRatios: (typeof ASPECT_RATIOS)[number][];
  maxCount: number;
  defaults: { preset: string | null; aspectRatio: (typeof ASPECT_RATIOS)[number]; count: number };
}

export interface QuickImage {
  /** Local file in the gallery. */
  path: string;
  width: number;
  height: number;
}

/** Pushed to the popup while a quick generation runs. */
export type QuickGenerateEvent =
  | { id: string; state: 'running'; progress: number | undefined }
  | { id: string; state: 'succeeded'; images: QuickImage[] }
  | { id: string; state: 'failed'; code: string; message: string };

export type MainDestination = (typeof MAIN_DESTINATIONS)[number];
