import type { z } from 'zod';
import { ipcRequests, type IpcRequestName, type WindowKind } from '../shared/ipc-channels.ts';
import { ipcPayloadSchemas, type IpcPayload } from '../shared/ipc-schemas.ts';
import type { IpcResults } from '../shared/ipc-types.ts';
import { fail, ok, type IpcResult } from '../shared/result.ts';

/** Who sent an IPC message, as main can establish it (never as the renderer claims). */
export interface IpcSender {
  /** URL of the frame that sent the message. */
  frameUrl: string;
  /** False for messages from subframes: only a window's own top frame may call main. */
  isTopFrame: boolean;
  /** The kind of the window the message came from; undefined for windows main did not create. */
  windowKind: WindowKind | undefined;
}

export type IpcHandlers = {
  [K in IpcRequestName]: (payload: IpcPayload<K>, sender: IpcSender & { windowKind: WindowKind }) => Promise<IpcResults[K] | IpcResult<IpcResults[K]>> | IpcResults[K];
};

export interface DispatcherOptions {
  /** True when the URL is one of the app's own renderer pages. */
  isAppUrl: (url: string) => boolean;
  onRejected?: (reason: string, name: string) => void;
}

const isResult = (value: unknown): value is IpcResult<unknown> =>
  typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';

/**
 * The one wrapper every IPC request goes through: checks the sender and the window kind,
 * validates the payload with the contract's schema, runs the handler, and answers a result
 * value. A handler that throws answers `internal_error` without leaking the exception.
 */
export function createIpcDispatcher(handlers: IpcHandlers, options: DispatcherOptions) {
  return async function dispatch(name: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>> {
    if (!Object.hasOwn(ipcRequests, name)) {
      options.onRejected?.('unknown channel', name);
      return fail('unknown_channel', `Unknown request ${name}.`);
    }
    const request = name as IpcRequestName;
    const allowed: readonly WindowKind[] = ipcRequests[request].windows;
    if (!sender.isTopFrame || !options.isAppUrl(sender.frameUrl) || !sender.windowKind || !allowed.includes(sender.windowKind)) {
      options.onRejected?.('sender not allowed', name);
      return fail('forbidden_sender', 'This window may not make that request.');
    }
    const schema: z.ZodType = ipcPayloadSchemas[request];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(payload)', message: i.message }));
      options.onRejected?.('invalid payload', name);
      return fail('invalid_payload', 'The request was not valid.', fields);
    }
    try {
      const handler = handlers[request] as (p: unknown, s: IpcSender & { windowKind: WindowKind }) => unknown;
      const value = await handler(parsed.data, { ...sender, windowKind: sender.windowKind });
      return isResult(value) ? value : ok(value);
    } catch (err) {
      options.onRejected?.(`handler threw: ${err instanceof Error ? err.message : String(err)}`, name);
      return fail('internal_error', 'Something went wrong in PromptPixels. Try again.');
    }
  };
}

export type IpcDispatch = ReturnType<typeof createIpcDispatcher>;

/** Maps an Electron channel string back to its request name. */
export function requestNameForChannel(channel: string): IpcRequestName | undefined {
  for (const [name, spec] of Object.entries(ipcRequests)) if (spec.channel === channel) return name as IpcRequestName;
  return undefined;
}
