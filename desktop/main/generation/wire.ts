import { z } from 'zod';

/**
 * The backend's generation answers (API.md "Generation"), parsed before use. Lenient about
 * extra fields (the contract may grow), strict about the ones the app relies on.
 */
export const toolSchema = z.looseObject({
  id: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  kind: z.string().min(1).max(100),
  group: z.string().max(100).optional(),
  description: z.string().max(2000).optional(),
  params: z.record(z.string(), z.unknown()),
  pricing: z.unknown(),
});

export const catalogSchema = z.union([z.array(toolSchema), z.object({ tools: z.array(toolSchema) }).transform((b) => b.tools)]);

export const quoteSchema = z.looseObject({ cost: z.number().int().nonnegative() });

export const generationStatusSchema = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);

export const resultImageSchema = z.looseObject({
  url: z.string().min(1).max(8192),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  content_type: z.string().max(100).optional(),
});

export const generationSchema = z.looseObject({
  id: z.string().min(1).max(200),
  status: generationStatusSchema,
  progress: z.number().min(0).max(100).nullish(),
  queue_position: z.number().int().nonnegative().nullish(),
  cost: z.number().int().nonnegative().nullish(),
  result: z.looseObject({ images: z.array(resultImageSchema).max(16), seed: z.number().int().optional() }).nullish(),
  error: z.union([z.string(), z.looseObject({ code: z.string().optional(), message: z.string().optional() })]).nullish(),
});

export type WireGeneration = z.infer<typeof generationSchema>;
export type WireTool = z.infer<typeof toolSchema>;
