import type { Session, WebContents, WebPreferences } from 'electron';

/** The webPreferences every PromptPixels window uses: isolated, sandboxed, no Node. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    // Middle-click would otherwise try to open links in new windows.
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * The renderer's Content-Security-Policy, also sent as a response header (the meta tag in the
 * HTML says the same). No remote scripts, no eval, no inline <style> or style attributes (React
 * and Konva set styles through the CSSOM, which CSP allows), no network except the app's own
 * files: every backend call goes through main.
 */
export const RENDERER_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: pp-media:; font-src 'self' data: blob:; connect-src 'self' data: blob:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; worker-src 'self' blob:";

/** Denies every permission (camera, notifications via web API, geolocation, …) and adds the CSP header. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] },
    });
  });
}

/**
 * Windows never navigate away from the app and never open new windows; an https link the
 * user clicks goes to the system browser through the one checked path instead.
 */
export function hardenWebContents(
  contents: WebContents,
  opts: { isAppUrl: (url: string) => boolean; openExternal: (url: string) => void },
): void {
  contents.on('will-navigate', (event, url) => {
    if (!opts.isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!opts.isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    opts.openExternal(url);
    return { action: 'deny' };
  });
}
