import { checkExternalUrl } from '../external-links.ts';

/** Sign-in opens the system browser only through the app's one checked path for external links. */
export function checkedBrowserOpener(open: (url: string) => Promise<void>, opts: { allowLoopbackHttp: boolean; log?: (m: string) => void }) {
  return async (url: string): Promise<boolean> => {
    const checked = checkExternalUrl(url, opts);
    if (!checked.ok) {
      opts.log?.(`sign-in page not opened: ${checked.reason}`);
      return false;
    }
    await open(checked.url);
    return true;
  };
}
