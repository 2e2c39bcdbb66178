import { z } from 'zod';
import { commonImageParams, modelPricing, planTextToImage, promptField, RECRAFT_STYLES, styleField, TEXT_TO_IMAGE_MODEL_IDS, TEXT_TO_IMAGE_MODELS, type TextToImageModelId, type TextToImageRequest } from './models.ts';
import { THEMES } from './themes.ts';
import { IMAGE_TOOLS } from './image-tools.ts';
import { CHARACTER_TOOLS } from '../characters/tools.ts';
import { defineTool, type CatalogTool } from './tool.ts';

function modelTool(id: TextToImageModelId): CatalogTool {
  const spec = TEXT_TO_IMAGE_MODELS[id];
  const params = z.strictObject({
    prompt: promptField,
    ...(spec.negativePrompt
      ? { negative_prompt: z.string().trim().max(1000).optional().meta({ title: 'Negative prompt', description: 'What to leave out of the image.' }) }
      : {}),
    ...commonImageParams(id),
    style: styleField,
    ...(id === 'recraft-v3'
      ? { model_style: z.enum(RECRAFT_STYLES).optional().meta({ title: 'Recraft style', description: 'Overrides the style preset with one of Recraft’s own styles. Vector styles cost double.' }) }
      : {}),
  });
  return defineTool({
    id: `text-to-image/${id}`,
    name: spec.name,
    kind: 'text-to-image',
    group: 'model',
    description: spec.description,
    params,
    pricing: modelPricing(id),
    // The schema above is built from the same spec, so its output is a TextToImageRequest.
    plan: (input) => planTextToImage(id, input as TextToImageRequest),
  });
}

/**
 * The tool catalog: the only names a client can ask for. Each entry owns its schema, price
 * and fal mapping; a client never names a fal endpoint. Image tools and character tools are
 * added as further entries.
 */
export const TOOLS: readonly CatalogTool[] = [
  ...TEXT_TO_IMAGE_MODEL_IDS.map(modelTool),
  ...THEMES,
  ...IMAGE_TOOLS,
  ...CHARACTER_TOOLS,
];

const byId = new Map(TOOLS.map((t) => [t.id, t]));

export function findTool(id: string): CatalogTool | undefined {
  return byId.get(id);
}

/** GET /v1/tools: each tool with its parameters as JSON Schema, computed once. */
export const CATALOG_JSON = TOOLS.map((t) => ({
  id: t.id,
  name: t.name,
  kind: t.kind,
  group: t.group,
  description: t.description,
  params: z.toJSONSchema(t.params, { io: 'input' }),
  pricing: t.pricing,
  ...(t.model ? { model: t.model } : {}),
}));
