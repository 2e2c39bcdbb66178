import { describe, expect, it } from 'vitest';
import { createAppUrlPolicy } from '../../main/app-urls.ts';
import { checkBackendUrl } from '../../main/backend-url.ts';
import { checkExternalUrl } from '../../main/external-links.ts';

describe('the one checked path to the system browser', () => {
  it('opens https pages', () => {
    expect(checkExternalUrl('https://promptpixels.app/pricing', { allowLoopbackHttp: false })).toEqual({
      ok: true,
      url: 'https://promptpixels.app/pricing',
    });
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'promptpixels://auth/callback', 'http://example.com', 'not a url', 'https://user:pw@example.com/'])(
    'refuses %s',
    (url) => {
      expect(checkExternalUrl(url, { allowLoopbackHttp: false }).ok).toBe(false);
    },
  );

  it('opens loopback http only when development allows it', () => {
    expect(checkExternalUrl('http://127.0.0.1:8787/sandbox', { allowLoopbackHttp: true }).ok).toBe(true);
    expect(checkExternalUrl('http://127.0.0.1:8787/sandbox', { allowLoopbackHttp: false }).ok).toBe(false);
    expect(checkExternalUrl('http://10.0.0.1/', { allowLoopbackHttp: true }).ok).toBe(false);
  });
});

describe('which backend the app may talk to', () => {
  it('accepts https anywhere and http only on this machine', () => {
    expect(checkBackendUrl('https://api.promptpixels.app/')).toEqual({ ok: true, url: 'https://api.promptpixels.app' });
    expect(checkBackendUrl('http://127.0.0.1:8787')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(checkBackendUrl('http://api.promptpixels.app').ok).toBe(false);
    expect(checkBackendUrl('ftp://127.0.0.1').ok).toBe(false);
    expect(checkBackendUrl('https://u:p@api.promptpixels.app').ok).toBe(false);
    expect(checkBackendUrl('https://api.promptpixels.app/?x=1').ok).toBe(false);
  });
});

describe("what counts as the app's own page", () => {
  it('accepts only files inside the built renderer folder', () => {
    const isApp = createAppUrlPolicy({ devServerUrl: undefined, rendererDir: '/opt/pp/out/renderer' });
    expect(isApp('file:///opt/pp/out/renderer/index.html')).toBe(true);
    expect(isApp('file:///opt/pp/out/renderer/quick.html#x')).toBe(true);
    expect(isApp('file:///opt/pp/out/renderer-evil/index.html')).toBe(false);
    expect(isApp('file:///tmp/index.html')).toBe(false);
    expect(isApp('https://example.com/')).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    const isApp = createAppUrlPolicy({ devServerUrl: 'http://localhost:5173/', rendererDir: '/x' });
    expect(isApp('http://localhost:5173/index.html')).toBe(true);
    expect(isApp('http://localhost:5174/index.html')).toBe(false);
  });
});
