import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuickGenerateEvent, QuickGenerateRequest } from '../../shared/quick-generate.ts';
import { ok } from '../../shared/result.ts';
import { createNotifier } from '../../main/notifications.ts';
import { preferencesMigrations } from '../../main/preferences/migrations.ts';
import { createPreferencesController } from '../../main/preferences/preferences-controller.ts';
import { confPreferencesFile } from '../../main/preferences/preferences-file.ts';
import { createPreferencesService } from '../../main/preferences/preferences-service.ts';
import { quickGenerateNotAvailable, type QuickGenerateService } from '../../main/quick-generate.ts';
import { createQuickGenerateFlow } from '../../main/quick-generate-flow.ts';
import { createShortcutService } from '../../main/shortcut-service.ts';

const request: QuickGenerateRequest = { prompt: 'a lighthouse in a storm', preset: null, aspectRatio: '16:9', count: 2 };

/** A QuickGenerateService double the test drives by hand: it records starts and emits what the test says. */
function scriptedService() {
  const listeners = new Set<(e: QuickGenerateEvent) => void>();
  const started: QuickGenerateRequest[] = [];
  const service: QuickGenerateService = {
    ...quickGenerateNotAvailable,
    start: async (r) => (started.push(r), ok({ id: `gen-${started.length}` })),
    onEvent: (l) => (listeners.add(l), () => listeners.delete(l)),
  };
  return { service, started, emit: (e: QuickGenerateEvent) => listeners.forEach((l) => l(e)) };
}

function flow(copy: boolean) {
  const s = scriptedService();
  const shown: { title: string; body: string; icon?: string; click?: () => void }[] = [];
  const notifier = createNotifier({
    isSupported: () => true,
    enabled: () => true,
    create: (o) => {
      const entry: (typeof shown)[number] = { ...o };
      return { show: () => void shown.push(entry), on: (_e, l) => void (entry.click = l) };
    },
  });
  const copied: string[] = [];
  const opened: string[] = [];
  const popup: QuickGenerateEvent[] = [];
  const f = createQuickGenerateFlow({
    service: s.service,
    notifier,
    copyImageToClipboard: (p) => void copied.push(p),
    copyAfterGenerate: () => copy,
    openResult: (id) => void opened.push(id),
    sendToPopup: (e) => void popup.push(e),
  });
  return { ...s, f, shown, copied, opened, popup };
}

describe('a quick generation in main', () => {
  it('when it succeeds, the first image is copied, a notification shows it, and a click opens the result', async () => {
    const t = flow(true);
    const res = await t.f.start(request);
    expect(res).toEqual({ ok: true, value: { id: 'gen-1' } });
    t.emit({ id: 'gen-1', state: 'running', progress: 0.5 });
    t.emit({ id: 'gen-1', state: 'succeeded', images: [{ path: '/g/a.png', width: 1024, height: 576 }, { path: '/g/b.png', width: 1024, height: 576 }] });
    expect(t.copied).toEqual(['/g/a.png']);
    expect(t.shown).toMatchObject([{ title: 'Your 2 images are ready', body: 'a lighthouse in a storm\nCopied to the clipboard.', icon: '/g/a.png' }]);
    t.shown[0]!.click!();
    expect(t.opened).toEqual(['gen-1']);
    expect(t.popup.map((e) => e.state)).toEqual(['running', 'succeeded']);
  });

  it('nothing is copied when the user turned copying off', async () => {
    const t = flow(false);
    await t.f.start(request);
    t.emit({ id: 'gen-1', state: 'succeeded', images: [{ path: '/g/a.png', width: 1, height: 1 }] });
    expect(t.copied).toEqual([]);
    expect(t.shown[0]!.body).toBe('a lighthouse in a storm');
  });

  it('a failure is told in a notification with its reason', async () => {
    const t = flow(true);
    await t.f.start(request);
    t.emit({ id: 'gen-1', state: 'failed', code: 'insufficient_credits', message: 'Not enough credits.' });
    expect(t.shown).toMatchObject([{ title: 'Quick generate failed', body: 'Not enough credits.' }]);
    expect(t.copied).toEqual([]);
  });

  it('without generation in the build, every call says so instead of pretending', async () => {
    for (const res of [await quickGenerateNotAvailable.options(), await quickGenerateNotAvailable.start(request)]) {
      expect(res).toMatchObject({ ok: false, error: { code: 'not_available' } });
    }
  });
});

describe('changing preferences', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  function setup(taken: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'pp-ctl-'));
    dirs.push(dir);
    const service = createPreferencesService(
      confPreferencesFile({ open: () => new Conf({ cwd: dir, configName: 'preferences', projectName: 'pp-test' }), path: join(dir, 'preferences.json'), now: Date.now }),
      preferencesMigrations,
    );
    const registered = new Set<string>();
    const shortcuts = createShortcutService({
      globalShortcut: { register: (a) => !taken.includes(a) && (registered.add(a), true), unregister: (a) => void registered.delete(a) },
      onTrigger: () => undefined,
      platform: 'linux',
    });
    shortcuts.bind(service.get().shortcut);
    let chosen: string | undefined = '/home/ada/Pictures/PP';
    const confirm = { answer: true, asked: [] as string[] };
    const controller = createPreferencesController({
      service,
      shortcuts,
      chooseFolder: async () => chosen,
      confirmBackendUrl: async (url) => (confirm.asked.push(url), confirm.answer),
    });
    return { service, controller, registered, confirm, choose: (c: string | undefined) => (chosen = c) };
  }

  it('a new shortcut is registered and saved at once', async () => {
    const t = setup([]);
    expect((await t.controller.update({ shortcut: 'Alt+Shift+G' })).ok).toBe(true);
    expect([...t.registered]).toEqual(['Alt+Shift+G']);
    expect(t.service.get().shortcut).toBe('Alt+Shift+G');
  });

  it('a shortcut in use elsewhere is refused, not saved, and the old one stays registered', async () => {
    const t = setup(['Control+Alt+T']);
    const res = await t.controller.update({ shortcut: 'Control+Alt+T', theme: 'dark' });
    expect(res).toMatchObject({ ok: false, error: { code: 'shortcut_conflict' } });
    expect(t.service.get()).toMatchObject({ shortcut: 'CommandOrControl+Shift+Space', theme: 'system' });
    expect([...t.registered]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('an invalid change in the same update stops the shortcut from being registered', async () => {
    const t = setup([]);
    expect((await t.controller.update({ shortcut: 'Alt+Shift+G', theme: 'neon' })).ok).toBe(false);
    expect([...t.registered]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('a new backend URL is saved only after the user confirms it in a native dialog', async () => {
    const t = setup([]);
    t.confirm.answer = false;
    expect(await t.controller.update({ backendUrl: 'https://pp.example.com', theme: 'dark' })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(t.service.get()).toMatchObject({ backendUrl: 'http://127.0.0.1:8787', theme: 'system' });
    t.confirm.answer = true;
    expect((await t.controller.update({ backendUrl: 'https://pp.example.com' })).ok).toBe(true);
    expect(t.service.get().backendUrl).toBe('https://pp.example.com');
    expect((await t.controller.update({ backendUrl: 'https://pp.example.com', notifications: false })).ok).toBe(true);
    expect(t.confirm.asked).toEqual(['https://pp.example.com', 'https://pp.example.com']);
  });

  it('the gallery folder comes from the folder dialog; cancelling changes nothing', async () => {
    const t = setup([]);
    expect((await t.controller.chooseGalleryFolder()).ok).toBe(true);
    expect(t.service.get().galleryFolder).toBe('/home/ada/Pictures/PP');
    t.choose(undefined);
    await t.controller.chooseGalleryFolder();
    expect(t.service.get().galleryFolder).toBe('/home/ada/Pictures/PP');
  });
});
