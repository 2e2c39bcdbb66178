import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { CatalogTool, JsonSchema } from '../../shared/studio-types.ts';
import { defaultsOf, fieldsOf, inputFor, isThemeTool, missingRequired, priceLabel } from '../../renderer/src/studio/schema-form.ts';

// The backend serves zod schemas through z.toJSONSchema, so the tests build them the same way.
const params = z.toJSONSchema(
  z.strictObject({
    prompt: z.string().min(1).max(2000).meta({ title: 'Prompt' }),
    negative_prompt: z.string().max(1000).optional(),
    aspect_ratio: z.enum(['1:1', '16:9', '9:16']).default('1:1'),
    num_images: z.number().int().min(1).max(4).default(1),
    seed: z.number().int().min(0).optional(),
    safety: z.enum(['strict', 'standard', 'relaxed']).meta({ 'x-labels': { strict: 'Strict', standard: 'Standard', relaxed: 'Relaxed' } }).default('standard'),
    upscale: z.boolean().optional(),
  }),
  { io: 'input' },
) as JsonSchema;
const tool: CatalogTool = { id: 'text-to-image/flux-dev', name: 'FLUX dev', kind: 'text-to-image', params, pricing: { summary: '3 credits per image' } };

describe('forms built from a tool’s JSON Schema', () => {
  it('turns each property into a field of the right kind, with labels and ranges', () => {
    const fields = Object.fromEntries(fieldsOf(params).map((f) => [f.name, f]));
    expect(fields.prompt).toMatchObject({ kind: 'prompt', label: 'Prompt', required: true, maxLength: 2000 });
    expect(fields.negative_prompt).toMatchObject({ kind: 'prompt', label: 'Negative prompt', required: false });
    expect(fields.aspect_ratio).toMatchObject({ kind: 'choice', options: ['1:1', '16:9', '9:16'], default: '1:1' });
    expect(fields.num_images).toMatchObject({ kind: 'integer', min: 1, max: 4 });
    expect(fields.safety).toMatchObject({ kind: 'choice', optionLabels: ['Strict', 'Standard', 'Relaxed'] });
    expect(fields.upscale).toMatchObject({ kind: 'boolean' });
  });

  it('sends only the tool’s own, valid values and drops empty ones', () => {
    const input = inputFor(tool, { prompt: '  a fox  ', negative_prompt: '', aspect_ratio: '4:3', num_images: 9, seed: 7, other_model_field: 'x' });
    expect(input).toEqual({ prompt: 'a fox', seed: 7 });
  });

  it('fills defaults and names missing required fields', () => {
    expect(defaultsOf(params)).toEqual({ aspect_ratio: '1:1', num_images: 1, safety: 'standard' });
    expect(missingRequired(tool, { aspect_ratio: '1:1' })).toEqual(['Prompt']);
    expect(missingRequired(tool, { prompt: 'x' })).toEqual([]);
  });

  it('tells themed generators from models and shows a price line', () => {
    expect(isThemeTool({ ...tool, id: 'theme/cars' })).toBe(true);
    expect(isThemeTool({ ...tool, group: 'theme' })).toBe(true);
    expect(isThemeTool(tool)).toBe(false);
    expect(priceLabel(tool.pricing)).toBe('3 credits per image');
    expect(priceLabel({ credits_per_image: 1 })).toBe('1 credit / image');
    expect(priceLabel(null)).toBeUndefined();
  });
});
