/**
 * Every IPC call answers a value, never a thrown error: errors are values with codes
 * (the backend's codes from API.md plus a few local ones) so the UI can say what to do.
 */
export type IpcErrorCode =
  | 'invalid_payload'
  | 'forbidden_sender'
  | 'unknown_channel'
  | 'backend_unreachable'
  | 'not_signed_in'
  | 'refused'
  | 'internal_error'
  | (string & {});

export interface IpcError {
  code: IpcErrorCode;
  message: string;
  details?: unknown;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (code: IpcErrorCode, message: string, details?: unknown): IpcResult<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
