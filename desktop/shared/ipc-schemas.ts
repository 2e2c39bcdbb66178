import { z } from 'zod';
import type { IpcRequestName } from './ipc-channels.ts';
import { editorPayloadSchemas } from './editor-files.ts';

/** Payload schema per request; main parses every payload with these before a handler runs. */
export const ipcPayloadSchemas = {
  getAppInfo: z.undefined(),
  getBackendStatus: z.undefined(),
  openExternal: z.object({ url: z.string().min(1).max(2048) }).strict(),
  showMainWindow: z.undefined(),
  hideQuickWindow: z.undefined(),
  ...editorPayloadSchemas,
} as const satisfies Record<IpcRequestName, z.ZodType>;

export type IpcPayload<K extends IpcRequestName> = z.infer<(typeof ipcPayloadSchemas)[K]>;
