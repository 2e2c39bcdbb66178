import { z } from 'zod';

/** API.md's tool kinds. Image tools and character tools join the catalog as new entries. */
export const TOOL_KINDS = [
  'text-to-image',
  'upscale',
  'enhance',
  'remove-background',
  'edit',
  'character-training',
  'character-generation',
  'avatar-pack',
] as const;
export type ToolKind = (typeof TOOL_KINDS)[number];

/** How the app groups tools: base models, themed generators, image tools, characters. */
export type ToolGroup = 'model' | 'theme' | 'image-tool' | 'character';

/** What fal returns for the tool: a list of images (text to image) or one image (image tools). */
export type OutputShape = 'images' | 'image';

/**
 * Everything needed to run one request: the fal endpoint and its body (never chosen by the
 * client), and the price. The hold is `unitCost × units`; on success the charge is
 * `unitCost × images delivered`, so it can only be the same or lower.
 */
export interface ToolPlan {
  endpoint: string;
  falInput: Record<string, unknown>;
  unitCost: number;
  units: number;
  output: OutputShape;
  /** True when the model's safety checker is on: flagged images come back black and are dropped, not charged. */
  dropFlaggedImages: boolean;
  /** Several fal requests to `endpoint` that make one generation (avatar packs); `falInput` is then unused. */
  falInputs?: Record<string, unknown>[];
  /**
   * Character tools: the character the request names. Before anything is held the backend checks
   * it belongs to the user and is ready, then `bind` fills in its weights and trigger word.
   */
  character?: { id: string; bind(c: BoundCharacter): Pick<ToolPlan, 'falInput' | 'falInputs'> };
}

/** What a character tool learns about the character (never from the client). */
export interface BoundCharacter {
  weightsUrl: string;
  triggerWord: string;
  type: 'person' | 'pet' | 'product' | 'style';
}

/** Free-form price description for display; the exact number comes from POST /v1/quotes. */
export interface PricingInfo {
  summary: string;
  credits_per_image: Record<string, number> | number;
}

export interface CatalogTool {
  id: string;
  name: string;
  kind: ToolKind;
  group: ToolGroup;
  description: string;
  params: z.ZodType;
  pricing: PricingInfo;
  /** For themed generators: the catalog id of the model they run on. */
  model?: string;
  /** Parses untrusted input with the tool's own schema (throws ZodError) and plans the request. */
  plan(input: unknown): ToolPlan;
}

export function defineTool<S extends z.ZodType>(def: {
  id: string;
  name: string;
  kind: ToolKind;
  group: ToolGroup;
  description: string;
  params: S;
  pricing: PricingInfo;
  model?: string;
  plan: (input: z.output<S>) => ToolPlan;
}): CatalogTool {
  return { ...def, plan: (input: unknown) => def.plan(def.params.parse(input)) };
}
