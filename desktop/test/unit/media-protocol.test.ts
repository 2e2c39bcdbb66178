import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaHandler, mediaUrlFor, parseMediaUrl } from '../../main/gallery/media-protocol.ts';
import { makeImage } from '../helpers/images.ts';

describe('the pp-media:// gallery protocol', () => {
  let root: string;
  let gallery: string;
  let png: Buffer;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pp-media-'));
    gallery = join(root, 'gallery');
    mkdirSync(gallery);
    png = await makeImage('png');
    writeFileSync(join(gallery, 'fox 1.png'), png);
    writeFileSync(join(gallery, 'fake.png'), 'not really a png');
    writeFileSync(join(root, 'secret.png'), png);
    symlinkSync(join(root, 'secret.png'), join(gallery, 'link.png'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const get = (url: string) => createMediaHandler(() => gallery)(new Request(url));

  it('serves a gallery image with its real content type', async () => {
    const res = await get(mediaUrlFor('fox 1.png'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer())).toEqual(png);
  });

  it('refuses every attempt to reach a file outside the gallery folder', async () => {
    for (const url of [
      'pp-media://gallery/../secret.png',
      'pp-media://gallery/%2e%2e%2fsecret.png',
      'pp-media://gallery/..%2Fsecret.png',
      'pp-media://gallery/%2E%2E%5Csecret.png',
      'pp-media://gallery/sub/../../secret.png',
      'pp-media://gallery/%2Fetc%2Fpasswd',
      'pp-media://other/secret.png',
      'pp-media://gallery/link.png',
      'pp-media://gallery/fake.png',
      'pp-media://gallery/notes.txt',
      'pp-media://gallery/fox%001.png',
    ]) {
      const res = await get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 404 });
    }
  });

  it('parses only single safe file names of image types', () => {
    expect(parseMediaUrl('pp-media://gallery/a%20b.webp')).toEqual({ ok: true, fileName: 'a b.webp' });
    expect(parseMediaUrl('pp-media://gallery/.hidden.png').ok).toBe(false);
    expect(parseMediaUrl('pp-media://gallery/a.png?x=1').ok).toBe(false);
    expect(parseMediaUrl('file:///etc/passwd').ok).toBe(false);
    expect(parseMediaUrl('pp-media://gallery/a.svg').ok).toBe(false);
  });
});
