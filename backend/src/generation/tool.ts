import { z } from 'zod';
import { ApiError } from '../http/errors.ts';

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
  /** Image tools: the user's uploads this request reads (deleted once the generation ends). */
  uploadIds?: string[];
  /** Image tools: how the price follows from this image's size, said exactly in the quote. */
  priceBasis?: PriceBasis;
  /** Several fal requests to `endpoint` that make one generation (avatar packs); `falInput` is then unused. */
  falInputs?: Record<string, unknown>[];
  /**
   * Character tools: the character the request names. Before anything is held the backend checks
   * it belongs to the user and is ready, then `bind` fills in its weights and trigger word.
   */
  character?: { id: string; bind(c: BoundCharacter): Pick<ToolPlan, 'falInput' | 'falInputs'> };
}

/** What a megapixel-priced quote is made of (POST /v1/quotes `price_basis`). */
export interface PriceBasis {
  unit: 'megapixel' | 'image';
  /** Which image the megapixels are counted on. */
  of: 'input' | 'output';
  /** Started megapixels billed (ceil(width × height / 1,000,000)); 1 for per-image prices. */
  megapixels: number;
  input: { width: number; height: number };
  output?: { width: number; height: number };
  explanation: string;
}

/** An upload a tool may read: only the requesting user's own, never a client-given URL. */
export interface UploadRef {
  id: string;
  url: string;
  width: number;
  height: number;
  contentType: string;
}

/** What planning may look up beyond the input itself (the caller's own uploads). */
export interface PlanContext {
  /** The caller's upload, or a 404/401 ApiError (other users' uploads are not found). */
  upload(id: string): UploadRef;
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
  plan(input: unknown, ctx?: PlanContext): ToolPlan;
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
  plan: (input: z.output<S>, ctx: PlanContext) => ToolPlan;
}): CatalogTool {
  return { ...def, plan: (input: unknown, ctx: PlanContext = NO_UPLOADS) => def.plan(def.params.parse(input), ctx) };
}

/** Planning without a signed-in caller: tools that read uploads answer 401. */
export const NO_UPLOADS: PlanContext = {
  upload() {
    throw new ApiError(401, 'unauthorized', 'Sign in to use your own images.');
  },
};
