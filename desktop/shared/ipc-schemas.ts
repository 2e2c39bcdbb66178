import { z } from 'zod';
import type { IpcRequestName } from './ipc-channels.ts';

/** Payload schema per request; main parses every payload with these before a handler runs. */
export const ipcPayloadSchemas = {
  getAppInfo: z.undefined(),
  getBackendStatus: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
  showMainWindow: z.undefined(),
  hideQuickWindow: z.undefined(),
  getAuthState: z.undefined(),
  startSignIn: z.undefined(),
  cancelSignIn: z.undefined(),
  signOut: z.undefined(),
  getAccount: z.undefined(),
  updateAccount: z.object({ name: z.string().trim().min(1).max(80) }).strict(),
  acceptTerms: z.object({ ageConfirmed: z.literal(true) }).strict(),
  listDevices: z.undefined(),
  revokeDevice: z.object({ id: z.string().regex(/^ses_[A-Za-z0-9_-]{16}$/) }).strict(),
} as const satisfies Record<IpcRequestName, z.ZodType>;

export type IpcPayload<K extends IpcRequestName> = z.infer<(typeof ipcPayloadSchemas)[K]>;
