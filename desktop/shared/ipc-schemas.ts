import { z } from 'zod';
import type { IpcRequestName } from './ipc-channels.ts';
import { preferencesUpdateSchema } from './preferences.ts';
import { MAIN_DESTINATIONS, quickGenerateRequestSchema } from './quick-generate.ts';

const toolId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, 'not a tool id');
// The backend validates the input against the tool's schema; main only bounds its size.
const generationInput = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 32_000, 'the settings are too large');
const galleryId = z.string().min(1).max(260);
import { editorPayloadSchemas } from './editor-files.ts';
import { imageToolPayloadSchemas } from './image-tools.ts';
import { characterPayloadSchemas } from './characters.ts';

/** Payload schema per request; main parses every payload with these before a handler runs. */
export const ipcPayloadSchemas = {
  getAppInfo: z.undefined(),
  getBackendStatus: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
  showMainWindow: z.undefined(),
  hideQuickWindow: z.undefined(),
  // privacy & support
  getConsents: z.undefined(),
  setConsents: z.object({ prompt_logging: z.boolean().optional(), usage_analytics: z.boolean().optional() }).strict(),
  exportMyData: z.undefined(),
  deleteAccount: z.object({ confirm: z.literal('DELETE'), deleteLocalGallery: z.boolean() }).strict(),
  getSupportSubjects: z.undefined(),
  sendSupportMessage: z
    .object({
      name: z.string().trim().min(1).max(120),
      email: z.email().max(254),
      subject: z.string().min(1).max(80),
      message: z.string().trim().min(10).max(5000),
    })
    .strict(),
  getCredits: z.undefined(),
  listCreditTransactions: z.object({ cursor: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/).optional() }).strict(),
  getCreditUsage: z.object({ days: z.number().int().min(1).max(90) }).strict(),
  listCreditPacks: z.undefined(),
  startCreditCheckout: z.object({ packId: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/) }).strict(),
  dismissCreditCheckout: z.undefined(),
  getAuthState: z.undefined(),
  startSignIn: z.undefined(),
  cancelSignIn: z.undefined(),
  signOut: z.undefined(),
  getAccount: z.undefined(),
  updateAccount: z
    .object({ name: z.string().trim().min(1).max(80).optional(), contactEmail: z.email().max(254).nullable().optional() })
    .strict()
    .refine((v) => v.name !== undefined || v.contactEmail !== undefined, 'must change the name or the contact email'),
  acceptTerms: z.object({ ageConfirmed: z.literal(true) }).strict(),
  listDevices: z.undefined(),
  revokeDevice: z.object({ id: z.string().regex(/^ses_[A-Za-z0-9_-]{16}$/) }).strict(),
  // Tray, quick generate and preferences (issue 9).
  getPreferences: z.undefined(),
  updatePreferences: preferencesUpdateSchema,
  chooseGalleryFolder: z.undefined(),
  getQuickOptions: z.undefined(),
  // A price is shown before anything is typed, so the prompt may still be empty here.
  getQuickPrice: quickGenerateRequestSchema.extend({ prompt: z.string().max(2000) }),
  startQuickGenerate: quickGenerateRequestSchema,
  openMainAt: z.object({ area: z.enum(MAIN_DESTINATIONS) }).strict(),
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
  // An Add Text export (up to 3× a 40 MP photo as PNG fits well under 200 MB; refuse beyond).
  saveImageToGallery: z
    .object({
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 200 * 1024 * 1024, 'must be an image of at most 200 MB'),
      format: z.enum(['png', 'jpeg', 'webp']),
      sourceName: z.string().max(255),
    })
    .strict(),
  getStudioAccess: z.undefined(),
  ...editorPayloadSchemas,
  // Image tools (issue 6)
  ...imageToolPayloadSchemas,
  // Characters and avatars (issue 7)
  ...characterPayloadSchemas,
} as const satisfies Record<IpcRequestName, z.ZodType>;

export type IpcPayload<K extends IpcRequestName> = z.infer<(typeof ipcPayloadSchemas)[K]>;
