import type { GenerationJob } from './studio-types.ts';

/**
 * Characters (issue 7): limits, results and event payloads shared by main, preload and the
 * renderer — free of zod so the renderer's Characters chunk does not carry the schema library.
 * The IPC payload schemas are in characters.ts.
 */
export const CHARACTER_TYPES = ['person', 'pet', 'product', 'style'] as const;
export type CharacterType = (typeof CHARACTER_TYPES)[number];
export const MIN_CHARACTER_PHOTOS = 5;
export const MAX_CHARACTER_PHOTOS = 20;
/** Per photo; the backend allows the same. */
export const MAX_CHARACTER_PHOTO_BYTES = 15 * 1024 * 1024;

export const CHARACTER_TOOLS = { image: 'character/flux-lora', avatarPack: 'character/avatar-pack' } as const;

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
