import { z } from 'zod';
import { IMAGE_SIZE_FOR_RATIO, imageSizeForRatio } from '../generation/aspect-ratios.ts';
import { commonImageParams, promptField } from '../generation/models.ts';
import { creditsPerImage } from '../generation/prices.ts';
import { defineTool, type BoundCharacter, type CatalogTool } from '../generation/tool.ts';

const LORA_ENDPOINT = 'fal-ai/flux-lora';
const characterIdField = z.string().regex(/^chr_[A-Za-z0-9_-]{16}$/, 'is not a character id').meta({ title: 'Character' });

/** How prompts name the subject: the trigger word plus what it is, so the LoRA is steered well. */
const subject = (c: BoundCharacter) => (c.type === 'style' ? `in the style of ${c.triggerWord}` : `${c.triggerWord} ${c.type === 'person' ? 'person' : c.type}`);

const lora = (c: BoundCharacter) => [{ path: c.weightsUrl, scale: 1 }];

/** Mentions the trigger word where the user wrote "@", or adds it at the start. */
export function promptWithCharacter(prompt: string, c: BoundCharacter): string {
  return prompt.includes('@') ? prompt.replaceAll('@', subject(c)) : `${subject(c)}, ${prompt}`;
}

const { aspect_ratio, num_images, seed, safety } = commonImageParams('flux-dev');

const characterParams = z.strictObject({
  character_id: characterIdField,
  prompt: promptField.meta({ title: 'Prompt', description: 'Describe the scene; write @ where the character goes (otherwise it leads the prompt).' }),
  aspect_ratio,
  num_images,
  seed,
  safety,
});

const checkerOn = (level: string) => level !== 'relaxed';

export const characterGenerationTool: CatalogTool = defineTool({
  id: 'character/flux-lora',
  name: 'Generate with a character',
  kind: 'character-generation',
  group: 'character',
  description: 'FLUX with your trained character: the same face, pet or product in any scene.',
  params: characterParams,
  pricing: loraPricing(),
  plan: (input) => {
    const base = {
      image_size: IMAGE_SIZE_FOR_RATIO[input.aspect_ratio],
      num_images: input.num_images,
      enable_safety_checker: checkerOn(input.safety),
      output_format: 'png',
      ...(input.seed === undefined ? {} : { seed: input.seed }),
    };
    return {
      endpoint: LORA_ENDPOINT,
      falInput: base,
      unitCost: creditsPerImage(LORA_ENDPOINT, pixelsOf(input.aspect_ratio)),
      units: input.num_images,
      output: 'images',
      dropFlaggedImages: checkerOn(input.safety),
      character: {
        id: input.character_id,
        bind: (c) => ({ falInput: { ...base, prompt: promptWithCharacter(input.prompt, c), loras: lora(c) } }),
      },
    };
  },
});

function loraPricing() {
  const perRatio = Object.fromEntries(Object.keys(IMAGE_SIZE_FOR_RATIO).map((r) => [r, creditsPerImage(LORA_ENDPOINT, pixelsOf(r as keyof typeof IMAGE_SIZE_FOR_RATIO))]));
  const values = Object.values(perRatio);
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return { summary: `${min === max ? min : `${min}–${max}`} credits per image (by size)`, credits_per_image: perRatio };
}

function pixelsOf(ratio: keyof typeof IMAGE_SIZE_FOR_RATIO): number {
  const size = imageSizeForRatio(ratio);
  return size.width * size.height;
}

/** The avatar pack's looks: one portrait each, all of the same character. */
export const AVATAR_STYLES = [
  { id: 'headshot', label: 'Professional headshot', prompt: 'professional corporate headshot of @, studio lighting, neutral grey backdrop, sharp focus, business attire' },
  { id: 'anime', label: 'Anime', prompt: 'anime portrait of @, cel shading, vibrant colours, detailed eyes, studio anime key visual' },
  { id: 'watercolour', label: 'Watercolour', prompt: 'watercolour portrait of @, soft washes, paper texture, loose brush strokes' },
  { id: 'fantasy', label: 'Fantasy', prompt: 'epic fantasy portrait of @, ornate armour, magical glow, dramatic lighting, painterly' },
  { id: 'cyberpunk', label: 'Cyberpunk', prompt: 'cyberpunk portrait of @, neon lights, rainy night city, reflective surfaces, cinematic' },
  { id: 'oil-painting', label: 'Oil painting', prompt: 'classical oil painting portrait of @, rich textures, Rembrandt lighting, museum quality' },
  { id: '3d-cartoon', label: '3D cartoon', prompt: '3D animated film character portrait of @, soft global illumination, expressive, colourful' },
  { id: 'vintage-film', label: 'Vintage film', prompt: 'portrait of @ on 1970s film, warm grain, soft focus, natural light' },
] as const;

const PACK_SIZE = AVATAR_STYLES.length;
const packUnitCost = creditsPerImage(LORA_ENDPOINT, 1024 * 1024);

export const avatarPackTool: CatalogTool = defineTool({
  id: 'character/avatar-pack',
  name: 'Avatar pack',
  kind: 'avatar-pack',
  group: 'character',
  description: `${PACK_SIZE} styled portraits of your character in one click: ${AVATAR_STYLES.map((s) => s.label.toLowerCase()).join(', ')}.`,
  params: z.strictObject({ character_id: characterIdField, seed, safety }),
  pricing: { summary: `${packUnitCost * PACK_SIZE} credits per pack of ${PACK_SIZE}`, credits_per_image: packUnitCost },
  plan: (input) => ({
    endpoint: LORA_ENDPOINT,
    falInput: {},
    unitCost: packUnitCost,
    units: PACK_SIZE,
    output: 'images',
    dropFlaggedImages: checkerOn(input.safety),
    character: {
      id: input.character_id,
      bind: (c) => ({
        falInput: {},
        // One request per style (each is its own prompt); they settle together as one generation.
        falInputs: AVATAR_STYLES.map((s, i) => ({
          prompt: promptWithCharacter(s.prompt, c),
          loras: lora(c),
          image_size: 'square_hd',
          num_images: 1,
          enable_safety_checker: checkerOn(input.safety),
          output_format: 'png',
          ...(input.seed === undefined ? {} : { seed: (input.seed + i) % 2 ** 32 }),
        })),
      }),
    },
  }),
});

export const CHARACTER_TOOLS: readonly CatalogTool[] = [characterGenerationTool, avatarPackTool];
