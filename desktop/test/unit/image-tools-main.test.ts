import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createImageToolsHandlers } from '../../main/image-tools/image-tools-handlers.ts';
import type { AuthorizedBackend } from '../../main/authorized-backend.ts';
import { imageSizeFromHeader, fitInside } from '../../renderer/src/image-tools/image-size.ts';
import { MAX_UPLOAD_BYTES } from '../../shared/image-tools.ts';

const sender = { frameUrl: 'app://main', isTopFrame: true, windowKind: 'main' as const };

/** A recording AuthorizedBackend: answers like POST /v1/uploads and remembers what was sent. */
function recordingBackend() {
  const sent: Array<{ method: string; path: string; contentType?: string; bytes?: number }> = [];
  const backend: AuthorizedBackend = {
    isSignedIn: () => true,
    request: async (method, path, init = {}) => {
      sent.push({ method, path, ...(init.raw ? { contentType: init.raw.contentType, bytes: init.raw.bytes.length } : {}) });
      return { ok: true, status: 201, body: { upload_id: 'upl_AAAAAAAAAAAAAAAA', width: 4, height: 3, content_type: init.raw?.contentType ?? 'image/png' } } as never;
    },
  };
  return { backend, sent };
}

describe('image tools in main', () => {
  it('reads the size of PNG, JPEG and WebP files from their headers without decoding', async () => {
    const base = sharp({ create: { width: 321, height: 123, channels: 3, background: '#888' } });
    for (const format of ['png', 'jpeg', 'webp'] as const) {
      const bytes = await base.clone().toFormat(format).toBuffer();
      expect(imageSizeFromHeader(new Uint8Array(bytes)), format).toEqual({ width: 321, height: 123 });
    }
    expect(imageSizeFromHeader(new TextEncoder().encode('not an image'))).toBeUndefined();
    expect(fitInside({ width: 8000, height: 2000 })).toEqual({ width: 1600, height: 400 });
    expect(fitInside({ width: 300, height: 200 })).toEqual({ width: 300, height: 200 });
  });

  it('uploads only real PNG, JPEG or WebP bytes, typed by their content, and refuses the rest before anything is sent', async () => {
    const { backend, sent } = recordingBackend();
    const handlers = createImageToolsHandlers({ backend, gallery: { pathOf: async () => undefined } });
    const jpeg = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#123' } }).jpeg().toBuffer();
    const good = await handlers.uploadImage({ bytes: new Uint8Array(jpeg) }, sender);
    expect(good).toEqual({ ok: true, value: { uploadId: 'upl_AAAAAAAAAAAAAAAA', width: 4, height: 3, contentType: 'image/jpeg' } });
    expect(sent).toEqual([{ method: 'POST', path: '/v1/uploads', contentType: 'image/jpeg', bytes: jpeg.length }]);

    const text = await handlers.uploadImage({ bytes: new TextEncoder().encode('a text file renamed .png') }, sender);
    expect(text).toMatchObject({ ok: false, error: { code: 'unsupported_media_type' } });
    const huge = await handlers.uploadImage({ bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1) }, sender);
    expect(huge).toMatchObject({ ok: false, error: { code: 'payload_too_large' } });
    const missing = await handlers.uploadGalleryImage({ id: 'gone.png' }, sender);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(sent).toHaveLength(1);
  });

  it('uploads a gallery image by id, reading the file in main', async () => {
    const { backend, sent } = recordingBackend();
    const dir = mkdtempSync(join(tmpdir(), 'pp-it-'));
    const png = await sharp({ create: { width: 4, height: 3, channels: 4, background: '#0000' } }).png().toBuffer();
    writeFileSync(join(dir, 'a.png'), png);
    const handlers = createImageToolsHandlers({ backend, gallery: { pathOf: async (id) => (id === 'a.png' ? join(dir, 'a.png') : undefined) } });
    const res = await handlers.uploadGalleryImage({ id: 'a.png' }, sender);
    expect(res).toMatchObject({ ok: true, value: { contentType: 'image/png' } });
    expect(sent).toEqual([{ method: 'POST', path: '/v1/uploads', contentType: 'image/png', bytes: png.length }]);
  });
});
