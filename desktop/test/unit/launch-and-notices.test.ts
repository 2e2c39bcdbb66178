import { describe, expect, it } from 'vitest';
import { createCloseToTray } from '../../main/close-to-tray.ts';
import { parseLaunchArgs } from '../../main/command-line.ts';
import { createNotifier, type NotificationLike } from '../../main/notifications.ts';

function fakeNotifications(supported = true) {
  const shown: { title: string; body: string; icon?: string; click: () => void }[] = [];
  const create = (o: { title: string; body: string; icon?: string }): NotificationLike => {
    const entry = { ...o, click: () => undefined as void };
    return {
      show: () => void shown.push(entry),
      on: (_e, l) => {
        entry.click = l;
      },
    };
  };
  return { shown, isSupported: () => supported, create };
}

describe('the command line', () => {
  it('--quick asks for the quick-generate popup, wherever Chromium put it', () => {
    expect(parseLaunchArgs(['/opt/PromptPixels/promptpixels', '--quick']).quick).toBe(true);
    expect(parseLaunchArgs(['/usr/bin/electron', '--enable-features=X', '.', '--quick']).quick).toBe(true);
    expect(parseLaunchArgs(['promptpixels']).quick).toBe(false);
  });

  it('look-alikes and arguments after -- do not count', () => {
    expect(parseLaunchArgs(['promptpixels', '--quicker', '-quick', 'quick']).quick).toBe(false);
    expect(parseLaunchArgs(['promptpixels', '--', '--quick']).quick).toBe(false);
  });
});

describe('notifications', () => {
  it('are shown with their click action when the user has them on', () => {
    const n = fakeNotifications();
    let opened = 0;
    const notifier = createNotifier({ ...n, enabled: () => true });
    expect(notifier.notify({ title: 'Your image is ready', body: 'a cat', icon: '/g/1.png', onClick: () => opened++ })).toBe(true);
    expect(n.shown).toMatchObject([{ title: 'Your image is ready', body: 'a cat', icon: '/g/1.png' }]);
    n.shown[0]!.click();
    expect(opened).toBe(1);
  });

  it('are not shown when turned off in Preferences, except notices about the app itself', () => {
    const n = fakeNotifications();
    const notifier = createNotifier({ ...n, enabled: () => false });
    expect(notifier.notify({ title: 'Your image is ready', body: 'a cat' })).toBe(false);
    expect(notifier.notify({ title: 'PromptPixels is still running', body: '…', essential: true })).toBe(true);
    expect(n.shown.map((s) => s.title)).toEqual(['PromptPixels is still running']);
  });

  it('are skipped where the OS has none', () => {
    const n = fakeNotifications(false);
    expect(createNotifier({ ...n, enabled: () => true }).notify({ title: 't', body: 'b', essential: true })).toBe(false);
  });
});

describe('closing the main window', () => {
  function setup(told = false) {
    const n = fakeNotifications();
    let toldFlag = told;
    const closer = createCloseToTray({
      notifier: createNotifier({ ...n, enabled: () => false }),
      toldAlready: () => toldFlag,
      rememberTold: () => {
        toldFlag = true;
      },
      platform: 'linux',
    });
    let hidden = 0;
    let prevented = 0;
    const close = () => closer.onMainWindowClose({ preventDefault: () => void prevented++ }, () => void hidden++);
    return { n, closer, close, counts: () => ({ hidden, prevented }), told: () => toldFlag };
  }

  it('hides it to the tray and tells the user once, even with notifications off', () => {
    const s = setup();
    expect(s.close()).toBe(true);
    expect(s.close()).toBe(true);
    expect(s.counts()).toEqual({ hidden: 2, prevented: 2 });
    expect(s.n.shown.map((x) => x.body)).toEqual(['It stays in the system tray so quick generate is one shortcut away. Choose Quit from its menu to exit.']);
    expect(s.told()).toBe(true);
  });

  it('a user told on an earlier run is not told again', () => {
    const s = setup(true);
    s.close();
    expect(s.n.shown).toEqual([]);
  });

  it('after Quit the window really closes', () => {
    const s = setup();
    s.closer.quitRequested();
    expect(s.close()).toBe(false);
    expect(s.counts()).toEqual({ hidden: 0, prevented: 0 });
  });
});
