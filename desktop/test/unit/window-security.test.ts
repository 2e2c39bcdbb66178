import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, secureWebPreferences } from '../../main/window-security.ts';

describe('window security settings', () => {
  it('every window is isolated, sandboxed, without Node, webviews or middle-click windows', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      preload: '/p.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('the CSP allows no remote origins, no inline script or style, no eval', () => {
    const directives = new Map(RENDERER_CSP.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    for (const values of directives.values()) {
      for (const v of values) expect(v).not.toMatch(/^https?:|^\*|unsafe-eval|unsafe-inline/);
    }
  });

  it('the HTML pages carry the same CSP as the response header', () => {
    for (const page of ['desktop/renderer/index.html', 'desktop/renderer/quick.html']) {
      const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(page, 'utf8'))?.[1];
      // frame-ancestors is ignored in a meta tag, so only the header carries it.
      expect(meta).toBe(RENDERER_CSP.replace(" frame-ancestors 'none';", ''));
    }
  });
});
