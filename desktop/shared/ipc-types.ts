import type { IpcEventName, IpcRequestName } from './ipc-channels.ts';
import type { Preferences, PreferencesView } from './preferences.ts';
import type { MainDestination, QuickGenerateEvent, QuickGenerateOptions } from './quick-generate.ts';

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
  // Tray, quick generate and preferences (issue 9).
  getPreferences: PreferencesView;
  updatePreferences: PreferencesView;
  chooseGalleryFolder: PreferencesView;
  getQuickOptions: QuickGenerateOptions;
  getQuickPrice: { credits: number };
  startQuickGenerate: { id: string };
  openMainAt: null;
}

/** What each event carries. */
export interface IpcEventPayloads {
  backendStatusChanged: BackendStatus;
  // Tray, quick generate and preferences (issue 9).
  preferencesChanged: Preferences;
  quickGenerateProgress: QuickGenerateEvent;
  /** Sent each time the pre-created quick window is shown, so it can refocus and refresh. */
  quickWindowShown: { shownAt: number };
  navigate: { area: MainDestination };
}

// Every channel has a result type and every event a payload type; adding one without the other fails here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractIsComplete: Exact<keyof IpcResults, IpcRequestName> & Exact<keyof IpcEventPayloads, IpcEventName> = true;
