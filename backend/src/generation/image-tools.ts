import { z } from 'zod';
import { badRequest } from '../http/errors.ts';
import { creditsPerImage, FAL_LIST_PRICES, type PricedEndpoint } from './prices.ts';
import { STYLE_PRESETS } from './styles.ts';
import { defineTool, type CatalogTool, type PlanContext, type PriceBasis, type ToolKind, type ToolPlan, type UploadRef } from './tool.ts';

/**
 * Image tools (issue 6): the user's own image in, one improved image out. Inputs name an
 * upload by id (POST /v1/uploads); a client never gives a URL. Where fal's cost grows with the
 * pixels, the price is counted on the output megapixels of THIS image, which the quote says.
 */

const uploadField = z
  .string()
  .regex(/^upl_[A-Za-z0-9_-]{16}$/, 'is not an upload id from POST /v1/uploads')
  .meta({ title: 'Image', description: 'An upload_id from POST /v1/uploads.', 'x-widget': 'upload' });

const MP = 1_000_000;
const startedMegapixels = (w: number, h: number) => Math.max(1, Math.ceil((w * h) / MP));
const usd = (microUsd: number) => `$${(microUsd / 1e6).toFixed(4).replace(/0+$/, '').replace(/\.$/, '')}`;

/** Refuses an input whose output would exceed what the model accepts (and what we will pay for). */
function requireInputAtMost(image: UploadRef, maxPixels: number, what: string) {
  if (image.width * image.height > maxPixels) {
    throw badRequest(
      `${what} takes images up to ${(maxPixels / MP).toFixed(0)} megapixels; this one is ${image.width}×${image.height} (${((image.width * image.height) / MP).toFixed(1)} MP). Crop or downscale it first.`,
      [{ field: 'input.upload_id', message: 'image is too large for this tool' }],
    );
  }
}

/** The price of one run and the words that explain it, from the endpoint's list price. */
function priceFor(endpoint: PricedEndpoint, image: UploadRef, output: { width: number; height: number }): { credits: number; basis: PriceBasis } {
  const list = FAL_LIST_PRICES[endpoint];
  const input = { width: image.width, height: image.height };
  if (list.per === 'image') {
    const credits = creditsPerImage(endpoint, 0);
    return { credits, basis: { unit: 'image', of: 'input', megapixels: 1, input, explanation: `${credits} credit${credits === 1 ? '' : 's'} per image, whatever its size.` } };
  }
  const megapixels = startedMegapixels(output.width, output.height);
  const credits = creditsPerImage(endpoint, output.width * output.height);
  return {
    credits,
    basis: {
      unit: 'megapixel',
      of: 'output',
      megapixels,
      input,
      output,
      explanation: `Priced by the size of the result: ${image.width}×${image.height} becomes ${output.width}×${output.height}, ${megapixels} started megapixel${megapixels === 1 ? '' : 's'} at ${usd(list.microUsd)} each (fal list price) → ${credits} credits.`,
    },
  };
}

interface ImageToolSpec<S extends z.ZodType> {
  id: string;
  name: string;
  kind: ToolKind;
  description: string;
  params: S;
  endpoint: PricedEndpoint;
  pricingSummary: string;
  output: 'image' | 'images';
  /** How the result's size follows from the input's (for the price). */
  scale: (input: z.output<S>) => number;
  maxInputPixels: number;
  falInput: (input: z.output<S>, image: UploadRef) => Record<string, unknown>;
}

function imageTool<S extends z.ZodType<{ upload_id: string }>>(spec: ImageToolSpec<S>): CatalogTool {
  return defineTool({
    id: spec.id,
    name: spec.name,
    kind: spec.kind,
    group: 'image-tool',
    description: spec.description,
    params: spec.params,
    pricing: { summary: spec.pricingSummary, credits_per_image: FAL_LIST_PRICES[spec.endpoint].per === 'image' ? creditsPerImage(spec.endpoint, 0) : {} },
    plan: (input: z.output<S>, ctx: PlanContext): ToolPlan => {
      const image = ctx.upload(input.upload_id);
      requireInputAtMost(image, spec.maxInputPixels, spec.name);
      const factor = spec.scale(input);
      const output = { width: Math.round(image.width * factor), height: Math.round(image.height * factor) };
      const { credits, basis } = priceFor(spec.endpoint, image, output);
      return {
        endpoint: spec.endpoint,
        falInput: spec.falInput(input, image),
        unitCost: credits,
        units: 1,
        output: spec.output,
        dropFlaggedImages: false,
        uploadIds: [image.id],
        priceBasis: basis,
      };
    },
  });
}

const upscaleParams = z.strictObject({ upload_id: uploadField });

const upscale = (factor: 2 | 4) =>
  imageTool({
    id: `image/upscale-${factor}x`,
    name: `Upscale ×${factor}`,
    kind: 'upscale',
    description: `Makes the image ${factor} times wider and taller, faithfully: sharper edges, no invented detail.`,
    params: upscaleParams,
    endpoint: 'fal-ai/esrgan',
    pricingSummary: 'By the size of the result (per started megapixel); the quote gives the exact price for your image.',
    output: 'image',
    scale: () => factor,
    // fal's upscalers accept a few megapixels in; the result stays at or under 64 MP.
    maxInputPixels: (factor === 2 ? 16 : 4) * MP,
    falInput: (_input, image) => ({ image_url: image.url, scale: factor, model: 'RealESRGAN_x4plus', output_format: 'png' }),
  });

const enhance = imageTool({
  id: 'image/enhance',
  name: 'Enhance',
  kind: 'enhance',
  description: 'A creative ×2 upscale that adds fine detail. More strength invents more; less stays closer to the original.',
  params: z.strictObject({
    upload_id: uploadField,
    strength: z.number().int().min(0).max(100).default(35).meta({ title: 'Strength', description: 'How much new detail the model may invent (0–100).' }),
    hint: z.string().trim().max(300).optional().meta({ title: 'Describe the image (optional)', description: 'Helps the model add the right kind of detail.' }),
  }),
  endpoint: 'fal-ai/clarity-upscaler',
  pricingSummary: 'By the size of the result (per started megapixel); the quote gives the exact price for your image.',
  output: 'image',
  scale: () => 2,
  maxInputPixels: 4 * MP,
  falInput: (input, image) => ({
    image_url: image.url,
    upscale_factor: 2,
    creativity: input.strength / 100,
    // Strong invention should drift less from the original's structure.
    resemblance: Math.min(1, 0.6 + input.strength / 250),
    prompt: input.hint ? `${input.hint}, masterpiece, best quality, highres` : 'masterpiece, best quality, highres',
    negative_prompt: '(worst quality, low quality, normal quality:2)',
    enable_safety_checker: true,
  }),
});

const faceRestore = imageTool({
  id: 'image/face-restore',
  name: 'Face restore',
  kind: 'enhance',
  description: 'Repairs blurry, damaged or low-resolution faces and doubles the image size.',
  params: z.strictObject({
    upload_id: uploadField,
    fidelity: z.number().int().min(0).max(100).default(50).meta({ title: 'Faithfulness', description: 'Higher keeps faces closer to the original; lower repairs more.' }),
  }),
  endpoint: 'fal-ai/codeformer',
  pricingSummary: 'By the size of the result (per started megapixel); the quote gives the exact price for your image.',
  output: 'image',
  scale: () => 2,
  maxInputPixels: 16 * MP,
  falInput: (input, image) => ({ image_url: image.url, fidelity: input.fidelity / 100, upscaling: 2, face_upscale: true, only_center_face: false }),
});

const removeBackground = imageTool({
  id: 'image/remove-background',
  name: 'Remove background',
  kind: 'remove-background',
  description: 'Cuts out the subject: a PNG with a transparent background, same size as the original.',
  params: z.strictObject({ upload_id: uploadField }),
  endpoint: 'fal-ai/birefnet/v2',
  pricingSummary: `${creditsPerImage('fal-ai/birefnet/v2', 0)} credit per image`,
  output: 'image',
  scale: () => 1,
  maxInputPixels: 40 * MP,
  falInput: (_input, image) => ({ image_url: image.url, model: 'General Use (Heavy)', operating_resolution: '2048x2048', output_format: 'png', refine_foreground: true }),
});

const kontextCommon = {
  guidance: z.number().min(1).max(10).default(3.5).meta({ title: 'Guidance', description: 'How strictly to follow the words (higher = more literal).' }),
  seed: z.number().int().min(0).max(4_294_967_295).optional().meta({ title: 'Seed' }),
};

const kontextInput = (prompt: string, image: UploadRef, input: { guidance: number; seed?: number | undefined }) => ({
  prompt,
  image_url: image.url,
  guidance_scale: input.guidance,
  num_images: 1,
  output_format: 'jpeg',
  safety_tolerance: '2',
  ...(input.seed === undefined ? {} : { seed: input.seed }),
});

const edit = imageTool({
  id: 'image/edit',
  name: 'AI edit',
  kind: 'edit',
  description: 'Change the image with words: “make it night”, “replace the car with a red one”.',
  params: z.strictObject({
    upload_id: uploadField,
    instruction: z.string().trim().min(1, 'say what to change').max(1000).meta({ title: 'What to change' }),
    ...kontextCommon,
  }),
  endpoint: 'fal-ai/flux-pro/kontext',
  pricingSummary: `${creditsPerImage('fal-ai/flux-pro/kontext', 0)} credits per image`,
  output: 'images',
  scale: () => 1,
  maxInputPixels: 40 * MP,
  falInput: (input, image) => kontextInput(input.instruction, image, input),
});

const TRANSFER_STYLES = ['watercolor', 'oil-painting', 'anime', 'pixel-art', 'line-art', '3d-render', 'cinematic', 'vintage-poster'] as const satisfies readonly (keyof typeof STYLE_PRESETS)[];

const styleTransfer = imageTool({
  id: 'image/style-transfer',
  name: 'Style transfer',
  kind: 'edit',
  description: 'Redraws the image in another style, keeping what is in it and where.',
  params: z.strictObject({
    upload_id: uploadField,
    style: z
      .enum(TRANSFER_STYLES)
      .default('watercolor')
      .meta({ title: 'Style', 'x-labels': Object.fromEntries(TRANSFER_STYLES.map((s) => [s, STYLE_PRESETS[s].label])) }),
    ...kontextCommon,
  }),
  endpoint: 'fal-ai/flux-pro/kontext',
  pricingSummary: `${creditsPerImage('fal-ai/flux-pro/kontext', 0)} credits per image`,
  output: 'images',
  scale: () => 1,
  maxInputPixels: 40 * MP,
  falInput: (input, image) =>
    kontextInput(`Restyle this image as ${STYLE_PRESETS[input.style].suffix}. Keep the same subjects, composition and layout.`, image, input),
});

export const IMAGE_TOOLS: readonly CatalogTool[] = [upscale(2), upscale(4), enhance, faceRestore, removeBackground, edit, styleTransfer];
