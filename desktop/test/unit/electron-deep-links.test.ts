import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { createDeepLinkInbox } from '../../main/auth/deep-link-inbox.ts';
import { wireDeepLinks } from '../../main/auth/electron-deep-links.ts';

/** Just enough of Electron's `app` to drive the edge: events plus the protocol registration. */
function fakeApp() {
  const emitter = new EventEmitter();
  const registered: unknown[][] = [];
  const app = Object.assign(emitter, {
    setAsDefaultProtocolClient: (...args: unknown[]) => {
      registered.push(args);
      return true;
    },
  });
  return { app: app as unknown as App, emitter, registered };
}

const LINK = 'promptpixels://auth/callback?code=a&state=b';

describe('deep-link delivery from Electron', () => {
  it('takes the link from the cold-start argv and registers the scheme', () => {
    const { app, registered } = fakeApp();
    const inbox = createDeepLinkInbox();
    wireDeepLinks(app, inbox, { argv: ['/opt/PromptPixels/promptpixels', LINK], defaultApp: false, onLink: () => undefined });
    const got: string[] = [];
    inbox.attach((u) => got.push(u));
    expect(got).toEqual([LINK]);
    expect(registered).toEqual([['promptpixels']]);
  });

  it('queues macOS open-url links that arrive before the app is ready, and stops the default handling', () => {
    const { app, emitter } = fakeApp();
    const inbox = createDeepLinkInbox();
    let shown = 0;
    wireDeepLinks(app, inbox, { argv: ['/Applications/PromptPixels.app/Contents/MacOS/PromptPixels'], defaultApp: false, onLink: () => shown++ });
    let prevented = false;
    emitter.emit('open-url', { preventDefault: () => (prevented = true) }, LINK);
    expect(prevented).toBe(true);
    const got: string[] = [];
    inbox.attach((u) => got.push(u));
    expect(got).toEqual([LINK]);
    expect(shown).toBe(1);
  });

  it('takes the link from a second instance’s argv (Windows and Linux)', () => {
    const { app, emitter } = fakeApp();
    const inbox = createDeepLinkInbox();
    wireDeepLinks(app, inbox, { argv: ['promptpixels'], defaultApp: false, onLink: () => undefined });
    const got: string[] = [];
    inbox.attach((u) => got.push(u));
    emitter.emit('second-instance', {}, ['C:\\\\PromptPixels\\\\PromptPixels.exe', '--allow-file-access', LINK], '/');
    expect(got).toEqual([LINK]);
  });

  it('registers the unpackaged app with its path so the OS starts it correctly in development', () => {
    const { app, registered } = fakeApp();
    wireDeepLinks(app, createDeepLinkInbox(), { argv: ['/usr/bin/electron', '/work/app'], defaultApp: true, onLink: () => undefined });
    expect(registered[0]![0]).toBe('promptpixels');
    expect(registered[0]![2]).toEqual(['/work/app']);
  });
});
