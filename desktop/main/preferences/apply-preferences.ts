import type { PreferenceKey, Preferences } from '../../shared/preferences.ts';

/**
 * What a preference change does outside the file, at once: the theme switches native UI,
 * login-item registration follows "launch at login", the tray shows the new shortcut and a
 * new backend URL is checked. Registering the shortcut itself happens before saving
 * (preferences-controller.ts), so a refused one is never saved.
 */
export function createPreferenceEffects(deps: {
  setThemeSource: (theme: Preferences['theme']) => void;
  setLaunchAtLogin: (enabled: boolean) => void;
  showShortcutInTray: (accelerator: string) => void;
  recheckBackend: () => void;
  broadcast: (prefs: Preferences) => void;
}) {
  return {
    /** At start: make the OS-facing state match the saved preferences. */
    applyAll(prefs: Preferences) {
      deps.setThemeSource(prefs.theme);
      deps.setLaunchAtLogin(prefs.launchAtLogin);
    },
    onChange(prefs: Preferences, changed: readonly PreferenceKey[]) {
      if (changed.includes('theme')) deps.setThemeSource(prefs.theme);
      if (changed.includes('launchAtLogin')) deps.setLaunchAtLogin(prefs.launchAtLogin);
      if (changed.includes('shortcut')) deps.showShortcutInTray(prefs.shortcut);
      if (changed.includes('backendUrl')) deps.recheckBackend();
      deps.broadcast(prefs);
    },
  };
}
