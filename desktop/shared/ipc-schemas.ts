import { z } from 'zod';
import type { IpcRequestName } from './ipc-channels.ts';

const toolId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, 'not a tool id');
// The backend validates the input against the tool's schema; main only bounds its size.
const generationInput = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 32_000, 'the settings are too large');
const galleryId = z.string().min(1).max(260);

/** Payload schema per request; main parses every payload with these before a handler runs. */
export const ipcPayloadSchemas = {
  getAppInfo: z.undefined(),
  getBackendStatus: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
  showMainWindow: z.undefined(),
  hideQuickWindow: z.undefined(),
  // Studio, themes and gallery (issue 5)
  getToolCatalog: z.object({ refresh: z.boolean().optional() }).strict().optional(),
  quoteGeneration: z.object({ tool: toolId, input: generationInput }).strict(),
  startGeneration: z.object({ tool: toolId, input: generationInput }).strict(),
  retryGeneration: z.object({ jobId: z.uuid() }).strict(),
  cancelGeneration: z.object({ jobId: z.uuid() }).strict(),
  dismissGeneration: z.object({ jobId: z.uuid() }).strict(),
  listGenerations: z.undefined(),
  listGallery: z.object({ query: z.string().max(500).optional() }).strict().optional(),
  deleteGalleryItem: z.object({ id: galleryId }).strict(),
  revealGalleryItem: z.object({ id: galleryId }).strict(),
  copyGalleryItem: z.object({ id: galleryId }).strict(),
  openGalleryItemInEditor: z.object({ id: galleryId }).strict(),
  getStudioAccess: z.undefined(),
} as const satisfies Record<IpcRequestName, z.ZodType>;

export type IpcPayload<K extends IpcRequestName> = z.infer<(typeof ipcPayloadSchemas)[K]>;
