import type { Account, AuthState, Device } from './auth-types.ts';
import type { IpcEventName, IpcRequestName } from './ipc-channels.ts';
import type { Preferences, PreferencesView } from './preferences.ts';
import type { MainDestination, QuickGenerateEvent, QuickGenerateOptions } from './quick-generate.ts';

export type { Account, AuthState, Device } from './auth-types.ts';
import type { CatalogTool, GalleryItem, GenerationJob } from './studio-types.ts';
import type { EditorFileResults } from './editor-files.ts';
import type { ImageToolResults } from './image-tools.ts';
import type { CharacterResults, CharactersState } from './characters.ts';

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
}

export type BackendStatus =
  | { state: 'connected'; url: string; version: string; sandbox: boolean; checkedAt: number }
  | { state: 'unreachable'; url: string; message: string; checkedAt: number }
  | { state: 'checking'; url: string; checkedAt: number };

export interface Consents {
  prompt_logging: boolean;
  usage_analytics: boolean;
}

/** What each request answers when it succeeds. */
export interface IpcResults {
  getAppInfo: AppInfo;
  getBackendStatus: BackendStatus;
  openExternal: { opened: true };
  showMainWindow: null;
  hideQuickWindow: null;
  // privacy & support
  getConsents: Consents;
  setConsents: Consents;
  /** Where the archive was saved; `canceled` when the user closed the save dialog. */
  exportMyData: { saved: true; path: string; bytes: number } | { saved: false; canceled: true };
  deleteAccount: { deleted: true; localGalleryDeleted: boolean };
  getSupportSubjects: { subjects: string[] };
  sendSupportMessage: { id: string };
  getCredits: CreditsState;
  listCreditTransactions: CreditTransactionsPage;
  getCreditUsage: CreditUsage;
  listCreditPacks: CreditPack[];
  startCreditCheckout: { checkoutId: string };
  dismissCreditCheckout: CreditsState;
  getAuthState: AuthState;
  startSignIn: AuthState;
  cancelSignIn: AuthState;
  signOut: AuthState;
  getAccount: Account;
  updateAccount: Account;
  acceptTerms: Account;
  listDevices: Device[];
  revokeDevice: { signedOut: boolean };
  // Tray, quick generate and preferences (issue 9).
  getPreferences: PreferencesView;
  updatePreferences: PreferencesView;
  chooseGalleryFolder: PreferencesView;
  getQuickOptions: QuickGenerateOptions;
  getQuickPrice: { credits: number };
  startQuickGenerate: { id: string };
  openMainAt: null;
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
  /** The image's bytes for the Add Text editor (the renderer cannot read gallery files itself). */
  openGalleryItemInEditor: { id: string; name: string; bytes: Uint8Array<ArrayBuffer> };
  saveImageToGallery: { id: string };
  getStudioAccess: { signedIn: boolean };
  saveExportedImage: EditorFileResults['saveExportedImage'];
  saveProjectFile: EditorFileResults['saveProjectFile'];
  openProjectFile: EditorFileResults['openProjectFile'];
  copyImageToClipboard: EditorFileResults['copyImageToClipboard'];
  // Image tools (issue 6)
  uploadImage: ImageToolResults['uploadImage'];
  uploadGalleryImage: ImageToolResults['uploadGalleryImage'];
  quoteImageTool: ImageToolResults['quoteImageTool'];
  // Characters and avatars (issue 7)
  listCharacters: CharacterResults['listCharacters'];
  createCharacter: CharacterResults['createCharacter'];
  deleteCharacter: CharacterResults['deleteCharacter'];
  generateWithCharacter: CharacterResults['generateWithCharacter'];
}

/** What each event carries. */
export interface IpcEventPayloads {
  backendStatusChanged: BackendStatus;
  creditsChanged: CreditsState;
  authStateChanged: AuthState;
  // Tray, quick generate and preferences (issue 9).
  preferencesChanged: Preferences;
  quickGenerateProgress: QuickGenerateEvent;
  /** Sent each time the pre-created quick window is shown, so it can refocus and refresh. */
  quickWindowShown: { shownAt: number };
  navigate: { area: MainDestination };
  // Studio, themes and gallery (issue 5)
  generationChanged: GenerationJob;
  galleryChanged: { reason: 'added' | 'deleted' };
  // Characters and avatars (issue 7)
  charactersChanged: CharactersState;
}

// Every channel has a result type and every event a payload type; adding one without the other fails here.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const contractIsComplete: Exact<keyof IpcResults, IpcRequestName> & Exact<keyof IpcEventPayloads, IpcEventName> = true;

// Credits and billing (issue #4)

/** A purchase the app is waiting on: Buy opened the browser, the credits have not landed yet. */
export interface PendingPurchase {
  checkoutId: string;
  packId: string;
  credits: number;
  startedAt: number;
  state: 'waiting' | 'landed' | 'timed_out';
}

/** The balance as the server last reported it (never inferred from a return link). */
export type CreditsState =
  | { signedIn: false }
  | { signedIn: true; balance: number; held: number; available: number; checkedAt: number; purchase?: PendingPurchase };

export interface CreditPack {
  id: string;
  credits: number;
  label: string;
  price?: { amount: number; currency: string };
}

export interface CreditTransaction {
  id: string;
  kind: string;
  amount: number;
  balance_after: number;
  created_at: string;
  description: string;
  tool?: string;
  order_id?: string;
  checkout_id?: string;
}

export interface CreditTransactionsPage {
  items: CreditTransaction[];
  next_cursor: string | null;
}

/** Credits spent per tool per day (oldest day first), for the usage chart. */
export interface CreditUsage {
  days: string[];
  tools: Array<{ tool: string; perDay: number[]; total: number }>;
  /** False when the history was longer than what was read, so older days may be incomplete. */
  complete: boolean;
}
