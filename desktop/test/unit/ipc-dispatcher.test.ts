import { describe, expect, it, vi } from 'vitest';
import { createIpcDispatcher, type IpcHandlers, type IpcSender } from '../../main/ipc-dispatcher.ts';
import { ipcRequests } from '../../shared/ipc-channels.ts';

const APP = 'file:///opt/PromptPixels/resources/app.asar/out/renderer/index.html';
const mainSender: IpcSender = { frameUrl: APP, isTopFrame: true, windowKind: 'main' };
const quickSender: IpcSender = { frameUrl: APP.replace('index', 'quick'), isTopFrame: true, windowKind: 'quick' };

function makeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    getAppInfo: () => ({ name: 'PromptPixels', version: '1.0.0', platform: 'linux' }),
    getBackendStatus: () => ({ state: 'checking', url: 'http://127.0.0.1:8787', checkedAt: 0 }),
    openExternal: vi.fn(() => ({ opened: true as const })),
    showMainWindow: () => null,
    hideQuickWindow: () => null,
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
