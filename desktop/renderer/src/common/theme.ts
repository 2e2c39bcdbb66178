import type { Preferences } from '../../../shared/preferences.ts';

/** Applies the user's theme: styles.css follows the OS unless <html data-theme> says otherwise. */
export function applyTheme(theme: Preferences['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
