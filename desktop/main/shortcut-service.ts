/**
 * The global quick-generate shortcut. Electron's globalShortcut is passed in; registration
 * fails when another app (or the OS) owns the combination, and rebinding then keeps the old
 * binding working and says why, rather than leaving the user with no shortcut at all.
 */
export interface GlobalShortcutLike {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type ShortcutOutcome =
  | { ok: true; accelerator: string }
  | { ok: false; code: 'shortcut_conflict' | 'shortcut_invalid'; message: string; kept: string | undefined };

export interface ShortcutService {
  /** The accelerator currently registered, if any. */
  current(): string | undefined;
  /** Registers `accelerator` in place of the current one; on failure the current one stays. */
  bind(accelerator: string): ShortcutOutcome;
  unbindAll(): void;
}

/** Electron's display of an accelerator for humans on this platform. */
export function describeAccelerator(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  return accelerator
    .split('+')
    .map((part) => {
      if (/^(CommandOrControl|CmdOrCtrl)$/i.test(part)) return mac ? 'Cmd' : 'Ctrl';
      if (/^(Control)$/i.test(part)) return 'Ctrl';
      if (/^(Command)$/i.test(part)) return 'Cmd';
      if (/^(Option)$/i.test(part)) return 'Alt';
      return part;
    })
    .join('+');
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

export function createShortcutService(deps: { globalShortcut: GlobalShortcutLike; onTrigger: () => void; platform: string }): ShortcutService {
  let current: string | undefined;
  const kept = () => (current === undefined ? 'You have no quick-generate shortcut right now.' : `${describeAccelerator(current, deps.platform)} still opens quick generate.`);

  return {
    current: () => current,
    bind(accelerator) {
      if (same(current, accelerator)) return { ok: true, accelerator: current! };
      let registered: boolean;
      try {
        registered = deps.globalShortcut.register(accelerator, deps.onTrigger);
      } catch {
        // Electron throws for accelerators it cannot parse.
        return { ok: false, code: 'shortcut_invalid', message: `${accelerator} is not a key combination PromptPixels can use. ${kept()}`, kept: current };
      }
      if (!registered) {
        return {
          ok: false,
          code: 'shortcut_conflict',
          message: `${describeAccelerator(accelerator, deps.platform)} is already used by another app or the system. ${kept()}`,
          kept: current,
        };
      }
      if (current !== undefined) deps.globalShortcut.unregister(current);
      current = accelerator;
      return { ok: true, accelerator };
    },
    unbindAll() {
      if (current !== undefined) deps.globalShortcut.unregister(current);
      current = undefined;
    },
  };
}

/**
 * What to add when the shortcut could not be registered at start. On Wayland apps get global
 * shortcuts only through the desktop portal (Electron's GlobalShortcutsPortal), which not every
 * desktop offers; there the command line is the dependable way in.
 */
export function shortcutFallbackAdvice(platform: string, env: Record<string, string | undefined>): string {
  const wayland = platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || env.WAYLAND_DISPLAY !== undefined);
  return wayland
    ? 'On Wayland you can also bind the command `promptpixels --quick` to a key in your desktop\'s keyboard settings.'
    : 'Choose another in Preferences.';
}
