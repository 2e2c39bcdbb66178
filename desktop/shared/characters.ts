import { z } from 'zod';
import type { GenerationJob } from './studio-types.ts';

/**
 * Characters (issue 7): the IPC payloads, results and limits shared by main, preload and the
 * renderer. Photos travel renderer → main as bytes; main checks them again and uploads.
 */
export const CHARACTER_TYPES = ['person', 'pet', 'product', 'style'] as const;
export type CharacterType = (typeof CHARACTER_TYPES)[number];
export const MIN_CHARACTER_PHOTOS = 5;
export const MAX_CHARACTER_PHOTOS = 20;
/** Per photo; the backend allows the same. */
export const MAX_CHARACTER_PHOTO_BYTES = 15 * 1024 * 1024;

export const CHARACTER_TOOLS = { image: 'character/flux-lora', avatarPack: 'character/avatar-pack' } as const;

const characterId = z.string().regex(/^chr_[A-Za-z0-9_-]{16}$/, 'not a character id');

export const characterPayloadSchemas = {
  listCharacters: z.object({ refresh: z.boolean().optional() }).strict().optional(),
  createCharacter: z
    .object({
      name: z.string().trim().min(1, 'Give the character a name.').max(60),
      type: z.enum(CHARACTER_TYPES),
      photos: z
        .array(
          z.object({
            name: z.string().max(260),
            bytes: z.instanceof(Uint8Array).refine((b) => b.length > 0 && b.length <= MAX_CHARACTER_PHOTO_BYTES, `each photo must be at most ${MAX_CHARACTER_PHOTO_BYTES / 2 ** 20} MB`),
          }).strict(),
        )
        .min(MIN_CHARACTER_PHOTOS, `Add at least ${MIN_CHARACTER_PHOTOS} photos.`)
        .max(MAX_CHARACTER_PHOTOS, `Use at most ${MAX_CHARACTER_PHOTOS} photos.`),
    })
    .strict(),
  deleteCharacter: z.object({ id: characterId }).strict(),
  generateWithCharacter: z
    .object({
      id: characterId,
      kind: z.enum(['image', 'avatar-pack']),
      prompt: z.string().trim().max(2000).optional(),
      aspectRatio: z.enum(['1:1', '4:3', '3:4', '16:9', '9:16', '21:9']).optional(),
    })
    .strict(),
} as const;

export interface CharacterSummary {
  id: string;
  name: string;
  type: CharacterType;
  status: 'training' | 'ready' | 'failed';
  /** Credits held while training; charged once ready (0 when failed). */
  cost: number;
  photoCount: number;
  progress?: number;
  etaS?: number;
  error?: { code: string; message: string };
  createdAt: string;
  finishedAt?: string;
}

export interface CharactersState {
  items: CharacterSummary[];
  /** What one training costs, in credits (from the backend). */
  trainingCost: number | undefined;
}

export interface CharacterResults {
  listCharacters: CharactersState;
  createCharacter: CharacterSummary;
  deleteCharacter: { deleted: true };
  generateWithCharacter: GenerationJob;
}
