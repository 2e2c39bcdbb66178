import { z } from 'zod';
import type { IpcRequestName } from './ipc-channels.ts';
import { preferencesUpdateSchema } from './preferences.ts';
import { MAIN_DESTINATIONS, quickGenerateRequestSchema } from './quick-generate.ts';

/** Payload schema per request; main parses every payload with these before a handler runs. */
export const ipcPayloadSchemas = {
  getAppInfo: z.undefined(),
  getBackendStatus: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
  showMainWindow: z.undefined(),
  hideQuickWindow: z.undefined(),
  // Tray, quick generate and preferences (issue 9).
  getPreferences: z.undefined(),
  updatePreferences: preferencesUpdateSchema,
  chooseGalleryFolder: z.undefined(),
  getQuickOptions: z.undefined(),
  // A price is shown before anything is typed, so the prompt may still be empty here.
  getQuickPrice: quickGenerateRequestSchema.extend({ prompt: z.string().max(2000) }),
  startQuickGenerate: quickGenerateRequestSchema,
  openMainAt: z.object({ area: z.enum(MAIN_DESTINATIONS) }).strict(),
} as const satisfies Record<IpcRequestName, z.ZodType>;

export type IpcPayload<K extends IpcRequestName> = z.infer<(typeof ipcPayloadSchemas)[K]>;
