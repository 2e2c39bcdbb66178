import type { Notifier } from './notifications.ts';

/**
 * Closing the main window keeps PromptPixels running in the tray (generations continue, the
 * shortcut still works); the first time, the user is told where it went. Quitting (tray menu,
 * Cmd+Q, OS shutdown) really quits.
 */
export function createCloseToTray(deps: {
  notifier: Notifier;
  toldAlready: () => boolean;
  rememberTold: () => void;
  platform: string;
}) {
  let quitting = false;
  return {
    /** Call from app 'before-quit': from then on a close is a real close. */
    quitRequested() {
      quitting = true;
    },
    isQuitting: () => quitting,
    /** Call from the main window's 'close'; answers true when the close was turned into a hide. */
    onMainWindowClose(event: { preventDefault(): void }, hide: () => void): boolean {
      if (quitting) return false;
      event.preventDefault();
      hide();
      if (!deps.toldAlready()) {
        const where = deps.platform === 'darwin' ? 'menu bar' : 'system tray';
        deps.notifier.notify({
          title: 'PromptPixels is still running',
          body: `It stays in the ${where} so quick generate is one shortcut away. Choose Quit from its menu to exit.`,
          essential: true,
        });
        deps.rememberTold();
      }
      return true;
    },
  };
}
