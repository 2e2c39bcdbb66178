import { z } from 'zod';
import { CHARACTER_TYPES, MAX_CHARACTER_PHOTO_BYTES, MAX_CHARACTER_PHOTOS, MIN_CHARACTER_PHOTOS } from './character-types.ts';

export * from './character-types.ts';

/** Characters (issue 7): the IPC payload schemas. Photos travel renderer → main as bytes; main checks them again and uploads. */
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

