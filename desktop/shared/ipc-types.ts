import type { Account, AuthState, Device } from './auth-types.ts';
import type { IpcEventName, IpcRequestName } from './ipc-channels.ts';

export type { Account, AuthState, Device } from './auth-types.ts';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

export type BackendStatus =
  | { state: 'connected'; url: string; version: string; sandbox: boolean; checkedAt: number }
  | { state: 'unreachable'; url: string; message: string; checkedAt: number }
  | { state: 'checking'; url: string; checkedAt: number };

/** What each request answers when it succeeds. */
export interface IpcResults {
  getAppInfo: AppInfo;
  getBackendStatus: BackendStatus;
  openExternal: { opened: true };
  showMainWindow: null;
  hideQuickWindow: null;
  getAuthState: AuthState;
  startSignIn: AuthState;
  cancelSignIn: AuthState;
  signOut: AuthState;
  getAccount: Account;
  updateAccount: Account;
  acceptTerms: Account;
  listDevices: Device[];
  revokeDevice: { signedOut: boolean };
}

/** What each event carries. */
export interface IpcEventPayloads {
  backendStatusChanged: BackendStatus;
  authStateChanged: AuthState;
}

// Every channel has a result type and every event a payload type; adding one without the other fails here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractIsComplete: Exact<keyof IpcResults, IpcRequestName> & Exact<keyof IpcEventPayloads, IpcEventName> = true;
