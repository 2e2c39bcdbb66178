import type { IpcEventPayloads } from '../shared/ipc-types.ts';
import type { IpcPayload } from '../shared/ipc-schemas.ts';
import type { PreferencesUpdate } from '../shared/preferences.ts';
import type { MainDestination, QuickGenerateRequest } from '../shared/quick-generate.ts';
import type { GenerationInput } from '../shared/studio-types.ts';
import type { Bridge } from './bridge.ts';

/**
 * What each window kind may do, as plain functions over a Bridge. The renderer's `window.pp`
 * type is derived from these, so preload and renderer cannot drift apart.
 */
export function createMainWindowApi(bridge: Bridge) {
  return {
    app: {
      getInfo: () => bridge.invoke('getAppInfo', undefined),
    },
    backend: {
      getStatus: () => bridge.invoke('getBackendStatus', undefined),
      onStatusChanged: (listener: (status: IpcEventPayloads['backendStatusChanged']) => void) =>
        bridge.subscribe('backendStatusChanged', listener),
    },
    shell: {
      openExternal: (url: string) => bridge.invoke('openExternal', { url }),
    },
    privacy: {
      getConsents: () => bridge.invoke('getConsents', undefined),
      setConsents: (change: IpcPayload<'setConsents'>) => bridge.invoke('setConsents', change),
      exportMyData: () => bridge.invoke('exportMyData', undefined),
      deleteAccount: (request: IpcPayload<'deleteAccount'>) => bridge.invoke('deleteAccount', request),
    },
    support: {
      getSubjects: () => bridge.invoke('getSupportSubjects', undefined),
      send: (message: IpcPayload<'sendSupportMessage'>) => bridge.invoke('sendSupportMessage', message),
    },
    credits: {
      get: () => bridge.invoke('getCredits', undefined),
      listTransactions: (cursor?: string) => bridge.invoke('listCreditTransactions', cursor === undefined ? {} : { cursor }),
      getUsage: (days: number) => bridge.invoke('getCreditUsage', { days }),
      listPacks: () => bridge.invoke('listCreditPacks', undefined),
      startCheckout: (packId: string) => bridge.invoke('startCreditCheckout', { packId }),
      dismissCheckout: () => bridge.invoke('dismissCreditCheckout', undefined),
      onChanged: (listener: (state: IpcEventPayloads['creditsChanged']) => void) => bridge.subscribe('creditsChanged', listener),
    },
    auth: {
      getState: () => bridge.invoke('getAuthState', undefined),
      onStateChanged: (listener: (state: IpcEventPayloads['authStateChanged']) => void) => bridge.subscribe('authStateChanged', listener),
      startSignIn: () => bridge.invoke('startSignIn', undefined),
      cancelSignIn: () => bridge.invoke('cancelSignIn', undefined),
      signOut: () => bridge.invoke('signOut', undefined),
    },
    account: {
      get: () => bridge.invoke('getAccount', undefined),
      update: (change: IpcPayload<'updateAccount'>) => bridge.invoke('updateAccount', change),
      acceptTerms: () => bridge.invoke('acceptTerms', { ageConfirmed: true }),
      listDevices: () => bridge.invoke('listDevices', undefined),
      revokeDevice: (id: string) => bridge.invoke('revokeDevice', { id }),
    },
    // Tray, quick generate and preferences (issue 9).
    preferences: {
      get: () => bridge.invoke('getPreferences', undefined),
      update: (patch: PreferencesUpdate) => bridge.invoke('updatePreferences', patch),
      chooseGalleryFolder: () => bridge.invoke('chooseGalleryFolder', undefined),
      onChanged: (listener: (prefs: IpcEventPayloads['preferencesChanged']) => void) => bridge.subscribe('preferencesChanged', listener),
    },
    navigation: {
      onNavigate: (listener: (to: IpcEventPayloads['navigate']) => void) => bridge.subscribe('navigate', listener),
    },
    // Studio, themes and gallery (issue 5)
    studio: {
      getCatalog: (refresh?: boolean) => bridge.invoke('getToolCatalog', refresh ? { refresh } : undefined),
      quote: (tool: string, input: GenerationInput) => bridge.invoke('quoteGeneration', { tool, input }),
      generate: (tool: string, input: GenerationInput) => bridge.invoke('startGeneration', { tool, input }),
      retry: (jobId: string) => bridge.invoke('retryGeneration', { jobId }),
      cancel: (jobId: string) => bridge.invoke('cancelGeneration', { jobId }),
      dismiss: (jobId: string) => bridge.invoke('dismissGeneration', { jobId }),
      listJobs: () => bridge.invoke('listGenerations', undefined),
      getAccess: () => bridge.invoke('getStudioAccess', undefined),
      onJobChanged: (listener: (job: IpcEventPayloads['generationChanged']) => void) => bridge.subscribe('generationChanged', listener),
    },
    gallery: {
      list: (query?: string) => bridge.invoke('listGallery', query ? { query } : undefined),
      remove: (id: string) => bridge.invoke('deleteGalleryItem', { id }),
      reveal: (id: string) => bridge.invoke('revealGalleryItem', { id }),
      copy: (id: string) => bridge.invoke('copyGalleryItem', { id }),
      openInEditor: (id: string) => bridge.invoke('openGalleryItemInEditor', { id }),
      saveImage: (image: IpcPayload<'saveImageToGallery'>) => bridge.invoke('saveImageToGallery', image),
      onChanged: (listener: (change: IpcEventPayloads['galleryChanged']) => void) => bridge.subscribe('galleryChanged', listener),
    },
    editor: {
      saveExportedImage: (payload: IpcPayload<'saveExportedImage'>) => bridge.invoke('saveExportedImage', payload),
      saveProjectFile: (payload: IpcPayload<'saveProjectFile'>) => bridge.invoke('saveProjectFile', payload),
      openProjectFile: () => bridge.invoke('openProjectFile', undefined),
      copyImageToClipboard: (png: Uint8Array<ArrayBuffer>) => bridge.invoke('copyImageToClipboard', { png }),
    },
    // Image tools (issue 6)
    imageTools: {
      upload: (bytes: Uint8Array<ArrayBuffer>) => bridge.invoke('uploadImage', { bytes }),
      uploadGalleryItem: (id: string) => bridge.invoke('uploadGalleryImage', { id }),
      quote: (tool: string, input: GenerationInput) => bridge.invoke('quoteImageTool', { tool, input }),
    },
    // Characters and avatars (issue 7)
    characters: {
      list: (refresh = true) => bridge.invoke('listCharacters', { refresh }),
      create: (request: IpcPayload<'createCharacter'>) => bridge.invoke('createCharacter', request),
      remove: (id: string) => bridge.invoke('deleteCharacter', { id }),
      generate: (request: IpcPayload<'generateWithCharacter'>) => bridge.invoke('generateWithCharacter', request),
      onChanged: (listener: (state: IpcEventPayloads['charactersChanged']) => void) => bridge.subscribe('charactersChanged', listener),
    },
  };
}

export function createQuickWindowApi(bridge: Bridge) {
  return {
    app: {
      getInfo: () => bridge.invoke('getAppInfo', undefined),
    },
    backend: {
      getStatus: () => bridge.invoke('getBackendStatus', undefined),
    },
    windows: {
      showMain: () => bridge.invoke('showMainWindow', undefined),
      hideQuick: () => bridge.invoke('hideQuickWindow', undefined),
      // Tray, quick generate and preferences (issue 9).
      openMainAt: (area: MainDestination) => bridge.invoke('openMainAt', { area }),
      onShown: (listener: (shown: IpcEventPayloads['quickWindowShown']) => void) => bridge.subscribe('quickWindowShown', listener),
    },
    preferences: {
      get: () => bridge.invoke('getPreferences', undefined),
      onChanged: (listener: (prefs: IpcEventPayloads['preferencesChanged']) => void) => bridge.subscribe('preferencesChanged', listener),
    },
    quick: {
      getOptions: () => bridge.invoke('getQuickOptions', undefined),
      getPrice: (request: QuickGenerateRequest) => bridge.invoke('getQuickPrice', request),
      start: (request: QuickGenerateRequest) => bridge.invoke('startQuickGenerate', request),
      onEvent: (listener: (event: IpcEventPayloads['quickGenerateProgress']) => void) => bridge.subscribe('quickGenerateProgress', listener),
    },
  };
}

export type MainWindowApi = ReturnType<typeof createMainWindowApi>;
export type QuickWindowApi = ReturnType<typeof createQuickWindowApi>;
