import { describe, expect, it } from 'vitest';
import { createShortcutService, describeAccelerator, shortcutFallbackAdvice, type GlobalShortcutLike } from '../../main/shortcut-service.ts';

/** A fake globalShortcut: some combinations belong to other apps; it records what is registered. */
function fakeGlobalShortcut(takenByOthers: string[] = []) {
  const registered = new Map<string, () => void>();
  const gs: GlobalShortcutLike = {
    register(accelerator, cb) {
      if (accelerator === 'Bogus+') throw new TypeError('conversion failure');
      if (takenByOthers.includes(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, cb);
      return true;
    },
    unregister: (accelerator) => void registered.delete(accelerator),
  };
  return { gs, registered };
}

describe('the global shortcut', () => {
  it('registers the shortcut, and pressing it opens quick generate', () => {
    const { gs, registered } = fakeGlobalShortcut();
    let opened = 0;
    const shortcuts = createShortcutService({ globalShortcut: gs, onTrigger: () => opened++, platform: 'linux' });
    expect(shortcuts.bind('CommandOrControl+Shift+Space')).toEqual({ ok: true, accelerator: 'CommandOrControl+Shift+Space' });
    registered.get('CommandOrControl+Shift+Space')!();
    expect(opened).toBe(1);
  });

  it('rebinding moves the registration to the new combination', () => {
    const { gs, registered } = fakeGlobalShortcut();
    const shortcuts = createShortcutService({ globalShortcut: gs, onTrigger: () => undefined, platform: 'linux' });
    shortcuts.bind('CommandOrControl+Shift+Space');
    expect(shortcuts.bind('Alt+Shift+G').ok).toBe(true);
    expect([...registered.keys()]).toEqual(['Alt+Shift+G']);
    expect(shortcuts.current()).toBe('Alt+Shift+G');
  });

  it('a combination another app owns is reported and the old binding keeps working', () => {
    const { gs, registered } = fakeGlobalShortcut(['Control+Alt+T']);
    const shortcuts = createShortcutService({ globalShortcut: gs, onTrigger: () => undefined, platform: 'linux' });
    shortcuts.bind('CommandOrControl+Shift+Space');
    const res = shortcuts.bind('Control+Alt+T');
    expect(res).toMatchObject({ ok: false, code: 'shortcut_conflict', kept: 'CommandOrControl+Shift+Space' });
    expect(!res.ok && res.message).toBe('Ctrl+Alt+T is already used by another app or the system. Ctrl+Shift+Space still opens quick generate.');
    expect([...registered.keys()]).toEqual(['CommandOrControl+Shift+Space']);
  });

  it('a conflict at start says there is no shortcut rather than pretending', () => {
    const { gs } = fakeGlobalShortcut(['CommandOrControl+Shift+Space']);
    const shortcuts = createShortcutService({ globalShortcut: gs, onTrigger: () => undefined, platform: 'darwin' });
    const res = shortcuts.bind('CommandOrControl+Shift+Space');
    expect(!res.ok && res.message).toBe('Cmd+Shift+Space is already used by another app or the system. You have no quick-generate shortcut right now.');
    expect(shortcuts.current()).toBeUndefined();
  });

  it('an accelerator Electron cannot parse is refused without touching the current one', () => {
    const { gs, registered } = fakeGlobalShortcut();
    const shortcuts = createShortcutService({ globalShortcut: gs, onTrigger: () => undefined, platform: 'linux' });
    shortcuts.bind('Alt+Shift+G');
    expect(shortcuts.bind('Bogus+')).toMatchObject({ ok: false, code: 'shortcut_invalid', kept: 'Alt+Shift+G' });
    expect([...registered.keys()]).toEqual(['Alt+Shift+G']);
  });

  it('binding the same combination again is a no-op, whatever its letter case', () => {
    const { gs, registered } = fakeGlobalShortcut();
    const shortcuts = createShortcutService({ globalShortcut: gs, onTrigger: () => undefined, platform: 'linux' });
    shortcuts.bind('Alt+Shift+G');
    expect(shortcuts.bind('alt+shift+g').ok).toBe(true);
    expect([...registered.keys()]).toEqual(['Alt+Shift+G']);
    shortcuts.unbindAll();
    expect(registered.size).toBe(0);
  });

  it('when no shortcut could be registered on Wayland, the user is pointed to binding --quick instead', () => {
    expect(shortcutFallbackAdvice('linux', { XDG_SESSION_TYPE: 'wayland' })).toContain('promptpixels --quick');
    expect(shortcutFallbackAdvice('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toContain('promptpixels --quick');
    expect(shortcutFallbackAdvice('linux', { XDG_SESSION_TYPE: 'x11' })).toBe('Choose another in Preferences.');
    expect(shortcutFallbackAdvice('darwin', { WAYLAND_DISPLAY: 'x' })).toBe('Choose another in Preferences.');
  });

  it('describes accelerators in each platform\'s words', () => {
    expect(describeAccelerator('CommandOrControl+Shift+Space', 'darwin')).toBe('Cmd+Shift+Space');
    expect(describeAccelerator('CmdOrCtrl+Option+K', 'win32')).toBe('Ctrl+Alt+K');
  });
});
