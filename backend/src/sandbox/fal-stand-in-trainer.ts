import { unzipSync } from 'fflate';
import { sniffImageType } from '../uploads/image-check.ts';

/**
 * The fal stand-in's LoRA trainer and LoRA generation, as honest as a stand-in can be: the
 * trainer really opens the zip it is given and counts the images in it (fal needs at least 4),
 * and its "weights" file records the trigger word, so LoRA generations can name the character
 * on their placeholders.
 */

export const TRAINER = /^fal-ai\/flux-lora-fast-training/;
export const LORA = /^fal-ai\/flux-lora(\/|$)/;
export const WEIGHTS_FORMAT = 'promptpixels-sandbox-lora';

export interface SandboxWeights {
  format: typeof WEIGHTS_FORMAT;
  trigger_word: string;
  images: number;
}

/** Counts the real images (by their first bytes) in a training zip; undefined if it is not a zip. */
export function countTrainingImages(zip: Buffer): number | undefined {
  try {
    const entries = unzipSync(new Uint8Array(zip));
    return Object.values(entries).filter((bytes) => sniffImageType(bytes) !== undefined).length;
  } catch {
    return undefined;
  }
}

export function weightsFile(triggerWord: string, images: number): Buffer {
  const weights: SandboxWeights = { format: WEIGHTS_FORMAT, trigger_word: triggerWord, images };
  return Buffer.from(JSON.stringify(weights));
}

export function readWeights(bytes: Buffer | undefined): SandboxWeights | undefined {
  if (!bytes) return undefined;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as Partial<SandboxWeights>;
    return parsed.format === WEIGHTS_FORMAT && typeof parsed.trigger_word === 'string' ? (parsed as SandboxWeights) : undefined;
  } catch {
    return undefined;
  }
}

/** "Training progress: 45%" lines, as far as training has come (fal's trainers log percent). */
export function trainingLogs(started: number, runMs: number, now: number, done: boolean) {
  const percent = done ? 100 : Math.min(99, Math.floor(((now - started) / Math.max(1, runMs)) * 100));
  const logs = [{ message: 'Preparing training data', level: 'INFO', source: 'USER', timestamp: new Date(started).toISOString() }];
  for (let p = 10; p <= percent; p += 10) {
    logs.push({ message: `Training progress: ${p}%`, level: 'INFO', source: 'USER', timestamp: new Date(started + (p * runMs) / 100).toISOString() });
  }
  if (percent % 10 !== 0) logs.push({ message: `Training progress: ${percent}%`, level: 'INFO', source: 'USER', timestamp: new Date(now).toISOString() });
  return logs;
}
