import { describe, expect, it, vi } from 'vitest';
import { createIpcDispatcher, type IpcHandlers, type IpcSender } from '../../main/ipc-dispatcher.ts';
import { ipcRequests } from '../../shared/ipc-channels.ts';
import { fail } from '../../shared/result.ts';

const notSignedIn = fail('not_signed_in', 'Sign in to use this.');

const APP = 'file:///opt/PromptPixels/resources/app.asar/out/renderer/index.html';
const mainSender: IpcSender = { frameUrl: APP, isTopFrame: true, windowKind: 'main' };
const quickSender: IpcSender = { frameUrl: APP.replace('index', 'quick'), isTopFrame: true, windowKind: 'quick' };

/** Handlers for every channel: the ones these tests call, and refusing stand-ins for the rest. */
function makeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  const unused = Object.fromEntries(
    Object.keys(ipcRequests).map((name) => [name, () => Promise.reject(new Error(`${name} is not used in this test`))]),
  ) as unknown as IpcHandlers;
  return {
    ...unused,
    getAppInfo: () => ({ name: 'PromptPixels', version: '1.0.0', platform: 'linux' }),
    getBackendStatus: () => ({ state: 'checking', url: 'http://127.0.0.1:8787', checkedAt: 0 }),
    openExternal: vi.fn(() => ({ opened: true as const })),
    showMainWindow: () => null,
    hideQuickWindow: () => null,
    getCredits: () => ({ signedIn: false }),
    listCreditTransactions: () => ({ items: [], next_cursor: null }),
    getCreditUsage: () => ({ days: [], tools: [], complete: true }),
    listCreditPacks: () => [],
    startCreditCheckout: () => ({ checkoutId: 'c' }),
    dismissCreditCheckout: () => ({ signedIn: false }),
    getAuthState: () => ({ status: 'signed_out' }),
    startSignIn: () => ({ status: 'waiting', startedAt: 0, expiresAt: 1 }),
    cancelSignIn: () => ({ status: 'signed_out' }),
    signOut: () => ({ status: 'signed_out' }),
    getAccount: async () => notSignedIn,
    updateAccount: async () => notSignedIn,
    acceptTerms: async () => notSignedIn,
    listDevices: () => [],
    revokeDevice: async () => notSignedIn,
    // Tray, quick generate and preferences (issue 9): not exercised here.
    getPreferences: () => Promise.resolve(fail('not_available', 'unused')),
    updatePreferences: () => Promise.resolve(fail('not_available', 'unused')),
    chooseGalleryFolder: () => Promise.resolve(fail('not_available', 'unused')),
    getQuickOptions: () => Promise.resolve(fail('not_available', 'unused')),
    getQuickPrice: () => Promise.resolve(fail('not_available', 'unused')),
    startQuickGenerate: () => Promise.resolve(fail('not_available', 'unused')),
    openMainAt: () => null,
    // Studio, themes and gallery (issue 5): not exercised here
    getToolCatalog: () => [],
    quoteGeneration: () => ({ cost: 0 }),
    startGeneration: () => Promise.resolve(fail('not_signed_in', 'Sign in.')),
    retryGeneration: () => Promise.resolve(fail('not_found', 'No job.')),
    cancelGeneration: () => Promise.resolve(fail('not_found', 'No job.')),
    dismissGeneration: () => ({ dismissed: false }),
    listGenerations: () => [],
    listGallery: () => [],
    deleteGalleryItem: () => Promise.resolve(fail('not_found', 'No image.')),
    revealGalleryItem: () => Promise.resolve(fail('not_found', 'No image.')),
    copyGalleryItem: () => Promise.resolve(fail('not_found', 'No image.')),
    openGalleryItemInEditor: () => Promise.resolve(fail('not_found', 'No image.')),
    saveImageToGallery: () => Promise.resolve(fail('invalid_image', 'No image.')),
    getStudioAccess: () => ({ signedIn: false }),
    saveExportedImage: () => ({ saved: false as const }),
    saveProjectFile: () => ({ saved: false as const }),
    openProjectFile: () => ({ opened: false as const }),
    copyImageToClipboard: () => ({ copied: true as const }),
    ...overrides,
  };
}

const isAppUrl = (url: string) => url.startsWith('file:///opt/PromptPixels/resources/app.asar/out/renderer/');

describe('the IPC dispatcher every request goes through', () => {
  it('runs the handler for a valid request from an app window and wraps the value', async () => {
    const dispatch = createIpcDispatcher(makeHandlers(), { isAppUrl });
    expect(await dispatch('getAppInfo', undefined, mainSender)).toEqual({
      ok: true,
      value: { name: 'PromptPixels', version: '1.0.0', platform: 'linux' },
    });
  });

  it('refuses a payload that does not match the schema, without calling the handler', async () => {
    const openExternal = vi.fn(() => ({ opened: true as const }));
    const dispatch = createIpcDispatcher(makeHandlers({ openExternal }), { isAppUrl });
    for (const bad of [undefined, null, 42, { url: 5 }, { url: '' }, { url: 'https://a.b', extra: true }, { url: 'x'.repeat(3000) }]) {
      const res = await dispatch('openExternal', bad, mainSender);
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses requests from pages that are not the app (e.g. a navigated or injected frame)', async () => {
    const dispatch = createIpcDispatcher(makeHandlers(), { isAppUrl });
    for (const frameUrl of ['https://evil.example/', 'file:///tmp/evil.html', '']) {
      const res = await dispatch('getAppInfo', undefined, { ...mainSender, frameUrl });
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
  });

  it('refuses requests from subframes and from windows main did not create', async () => {
    const dispatch = createIpcDispatcher(makeHandlers(), { isAppUrl });
    expect(await dispatch('getAppInfo', undefined, { ...mainSender, isTopFrame: false })).toMatchObject({ ok: false });
    expect(await dispatch('getAppInfo', undefined, { ...mainSender, windowKind: undefined })).toMatchObject({ ok: false });
  });

  it('lets each window kind use only the channels the contract gives it', async () => {
    const dispatch = createIpcDispatcher(makeHandlers(), { isAppUrl });
    expect(await dispatch('hideQuickWindow', undefined, mainSender)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await dispatch('hideQuickWindow', undefined, quickSender)).toEqual({ ok: true, value: null });
  });

  it('answers unknown channels, including prototype names, with an error value', async () => {
    const dispatch = createIpcDispatcher(makeHandlers(), { isAppUrl });
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(name, undefined, mainSender)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('turns a throwing handler into internal_error without leaking the exception text', async () => {
    const dispatch = createIpcDispatcher(
      makeHandlers({
        getAppInfo: () => {
          throw new Error('secret path /home/user/.config');
        },
      }),
      { isAppUrl },
    );
    const res = await dispatch('getAppInfo', undefined, mainSender);
    expect(res).toMatchObject({ ok: false, error: { code: 'internal_error' } });
    expect(JSON.stringify(res)).not.toContain('secret path');
  });

  it('has a handler type for every channel in the contract', () => {
    expect(Object.keys(makeHandlers()).sort()).toEqual(Object.keys(ipcRequests).sort());
  });
});
