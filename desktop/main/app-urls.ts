import { pathToFileURL } from 'node:url';

/**
 * Decides whether a URL is one of the app's own renderer pages: the dev server's origin in
 * development, otherwise files inside the built renderer folder (never any other file: URL).
 */
export function createAppUrlPolicy(opts: { devServerUrl: string | undefined; rendererDir: string }) {
  const devOrigin = opts.devServerUrl ? new URL(opts.devServerUrl).origin : undefined;
  const fileBase = pathToFileURL(opts.rendererDir).href.replace(/\/?$/, '/');
  return (raw: string): boolean => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    if (devOrigin !== undefined) return url.origin === devOrigin;
    return url.protocol === 'file:' && url.href.startsWith(fileBase) && !url.pathname.includes('/../');
  };
}
