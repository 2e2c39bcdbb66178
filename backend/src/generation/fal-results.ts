import { ApiError as FalApiError } from '@fal-ai/client';
import { z } from 'zod';
import type { DeliveredImage } from './store.ts';

const image = z.object({
  url: z.url({ protocol: /^https?$/ }),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  content_type: z.string().regex(/^image\/[a-z0-9.+-]+$/).default('image/png'),
});

const imagesOutput = z.object({ images: z.array(image), has_nsfw_concepts: z.array(z.boolean()).optional() });
const singleImageOutput = z.object({ image });

export type ReadOutput = { ok: true; images: DeliveredImage[]; flagged: number } | { ok: false; reason: string };

/**
 * Reads fal's model output into the images to deliver. Images the model's safety checker
 * flagged come back black: they are dropped and not charged.
 */
export function readFalOutput(shape: 'images' | 'image', output: unknown, dropFlagged: boolean): ReadOutput {
  if (shape === 'image') {
    const parsed = singleImageOutput.safeParse(output);
    return parsed.success ? { ok: true, images: [parsed.data.image], flagged: 0 } : { ok: false, reason: 'unexpected output shape' };
  }
  const parsed = imagesOutput.safeParse(output);
  if (!parsed.success) return { ok: false, reason: 'unexpected output shape' };
  const flags = parsed.data.has_nsfw_concepts ?? [];
  const images = parsed.data.images.filter((_, i) => !(dropFlagged && flags[i] === true));
  return { ok: true, images, flagged: parsed.data.images.length - images.length };
}

export type FalFailure =
  | { kind: 'content_policy'; message: string }
  | { kind: 'rejected'; message: string }
  | { kind: 'not_found' }
  | { kind: 'transient'; status: number | undefined };

/**
 * Classifies an error thrown by the fal client. Only the status and fal's error type are
 * read: fal's error bodies can echo the input, so they are never logged or stored.
 */
export function classifyFalError(err: unknown): FalFailure {
  if (err instanceof FalApiError) {
    const body = err.body as { detail?: unknown } | undefined;
    const details = Array.isArray(body?.detail) ? (body.detail as Array<{ type?: unknown }>) : [];
    if (details.some((d) => d?.type === 'content_policy_violation')) {
      return { kind: 'content_policy', message: 'The provider refused this request under its content policy. Change the prompt and try again; nothing was charged.' };
    }
    if (err.status === 404) return { kind: 'not_found' };
    if (err.status === 400 || err.status === 422) {
      return { kind: 'rejected', message: 'The provider could not run this request with these settings. Nothing was charged.' };
    }
    return { kind: 'transient', status: err.status };
  }
  return { kind: 'transient', status: undefined };
}

/** Percent done from fal's progress logs, where the model reports it ("12/28", "45%"). */
export function progressFromLogs(messages: string[]): number | undefined {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    const pct = /(\d{1,3})\s?%/.exec(m);
    if (pct) return Math.min(100, Number(pct[1]));
    const steps = /\b(\d{1,4})\s?\/\s?(\d{1,4})\b/.exec(m);
    if (steps && Number(steps[2]) > 0) return Math.min(100, Math.floor((Number(steps[1]) * 100) / Number(steps[2])));
  }
  return undefined;
}
