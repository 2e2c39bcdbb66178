import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, type Preferences } from '../../shared/preferences.ts';
import { autostartDesktopEntry, setLinuxAutostart } from '../../main/login-item.ts';
import { createPreferenceEffects } from '../../main/preferences/apply-preferences.ts';

function recorder() {
  const calls: string[] = [];
  const effects = createPreferenceEffects({
    setThemeSource: (t) => void calls.push(`theme:${t}`),
    setLaunchAtLogin: (on) => void calls.push(`login:${on}`),
    showShortcutInTray: (a) => void calls.push(`tray:${a}`),
    recheckBackend: () => void calls.push('recheck'),
    broadcast: (p) => void calls.push(`broadcast:${p.theme}`),
  });
  return { calls, effects };
}

describe('a preference change takes effect at once', () => {
  it('theme, login item, tray shortcut and backend each react only to their own key, and every window hears of it', () => {
    const { calls, effects } = recorder();
    const prefs: Preferences = { ...DEFAULT_PREFERENCES, theme: 'dark', launchAtLogin: true, shortcut: 'Alt+Shift+G' };
    effects.onChange(prefs, ['theme']);
    effects.onChange(prefs, ['launchAtLogin', 'shortcut', 'backendUrl']);
    effects.onChange(prefs, ['notifications']);
    expect(calls).toEqual(['theme:dark', 'broadcast:dark', 'login:true', 'tray:Alt+Shift+G', 'recheck', 'broadcast:dark', 'broadcast:dark']);
  });

  it('at start the OS-facing state is made to match the saved preferences', () => {
    const { calls, effects } = recorder();
    effects.applyAll({ ...DEFAULT_PREFERENCES, theme: 'light' });
    expect(calls).toEqual(['theme:light', 'login:false']);
  });
});

describe('launch at login on Linux', () => {
  it('writes an XDG autostart entry when on and removes it when off', () => {
    const configDir = mkdtempSync(join(tmpdir(), 'pp-xdg-'));
    try {
      setLinuxAutostart(true, { configDir, exec: '/opt/Prompt Pixels/promptpixels' });
      const file = join(configDir, 'autostart', 'promptpixels.desktop');
      expect(readFileSync(file, 'utf8')).toContain('Exec="/opt/Prompt Pixels/promptpixels"\n');
      setLinuxAutostart(false, { configDir, exec: '/x' });
      expect(existsSync(file)).toBe(false);
      setLinuxAutostart(false, { configDir, exec: '/x' });
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
  });

  it('quotes characters the desktop entry spec reserves', () => {
    expect(autostartDesktopEntry('/a/$HOME/"b"')).toContain('Exec="/a/\\$HOME/\\"b\\""');
  });
});
