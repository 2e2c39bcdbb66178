import type { IpcEventName, IpcRequestName } from './ipc-channels.ts';
import type { CatalogTool, GalleryItem, GenerationJob } from './studio-types.ts';

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
  // Studio, themes and gallery (issue 5)
  getToolCatalog: CatalogTool[];
  quoteGeneration: { cost: number };
  startGeneration: GenerationJob;
  retryGeneration: GenerationJob;
  cancelGeneration: GenerationJob;
  dismissGeneration: { dismissed: boolean };
  listGenerations: GenerationJob[];
  listGallery: GalleryItem[];
  deleteGalleryItem: { deleted: true };
  revealGalleryItem: { revealed: true };
  copyGalleryItem: { copied: true };
  openGalleryItemInEditor: { id: string; path: string; url: string };
  getStudioAccess: { signedIn: boolean };
}

/** What each event carries. */
export interface IpcEventPayloads {
  backendStatusChanged: BackendStatus;
  // Studio, themes and gallery (issue 5)
  generationChanged: GenerationJob;
  galleryChanged: { reason: 'added' | 'deleted' };
}

// Every channel has a result type and every event a payload type; adding one without the other fails here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractIsComplete: Exact<keyof IpcResults, IpcRequestName> & Exact<keyof IpcEventPayloads, IpcEventName> = true;
