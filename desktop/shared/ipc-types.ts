import type { IpcEventName, IpcRequestName } from './ipc-channels.ts';
import type { EditorFileResults } from './editor-files.ts';

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
  saveExportedImage: EditorFileResults['saveExportedImage'];
  saveProjectFile: EditorFileResults['saveProjectFile'];
  openProjectFile: EditorFileResults['openProjectFile'];
  copyImageToClipboard: EditorFileResults['copyImageToClipboard'];
}

/** What each event carries. */
export interface IpcEventPayloads {
  backendStatusChanged: BackendStatus;
}

// Every channel has a result type and every event a payload type; adding one without the other fails here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractIsComplete: Exact<keyof IpcResults, IpcRequestName> & Exact<keyof IpcEventPayloads, IpcEventName> = true;
