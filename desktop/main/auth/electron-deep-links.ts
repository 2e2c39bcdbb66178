import type { App } from 'electron';
import { resolve } from 'node:path';
import { DEEP_LINK_SCHEME, deepLinkFromArgv } from './deep-link.ts';
import type { DeepLinkInbox } from './deep-link-inbox.ts';

/**
 * The Electron edge of deep links, on every path: macOS `open-url` (registered at once, since
 * it can fire before `ready`), Windows/Linux `second-instance` argv (the single-instance lock
 * is taken by the caller), and the cold-start argv. Must be called before app.whenReady().
 */
export function wireDeepLinks(app: App, inbox: DeepLinkInbox, opts: { argv: readonly string[]; defaultApp: boolean; onLink: () => void }): void {
  if (opts.defaultApp && opts.argv.length >= 2) {
    // Running unpackaged (`electron .`): the OS must start electron with the app's path.
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(opts.argv[1]!)]);
  } else {
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    inbox.deliver(url);
    opts.onLink();
  });
  app.on('second-instance', (_event, argv) => {
    inbox.deliver(deepLinkFromArgv(argv));
    opts.onLink();
  });
  inbox.deliver(deepLinkFromArgv(opts.argv));
}
