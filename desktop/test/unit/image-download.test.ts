import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadImage } from '../../main/gallery/download.ts';
import { makeImage } from '../helpers/images.ts';

describe('downloading a result image', () => {
  let server: Server;
  let base: string;
  let png: Buffer;
  let webp: Buffer;
  beforeAll(async () => {
    png = await makeImage('png');
    webp = await makeImage('webp');
    server = createServer((req, res) => {
      const routes: Record<string, [string, Buffer | string]> = {
        '/ok.png': ['image/png', png],
        '/ok.webp': ['image/webp; charset=binary', webp],
        '/lying.png': ['image/png', '<html>not an image</html>'],
        '/page': ['text/html', '<html></html>'],
        '/big.png': ['image/png', Buffer.concat([png, Buffer.alloc(5000)])],
      };
      const route = routes[req.url ?? ''];
      if (!route) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': route[0] }).end(route[1]);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('accepts real PNG and WebP bytes and reports the sniffed type', async () => {
    expect(await downloadImage(`${base}/ok.png`)).toEqual({ ok: true, bytes: png, contentType: 'image/png' });
    expect(await downloadImage(`${base}/ok.webp`)).toMatchObject({ ok: true, contentType: 'image/webp' });
  });

  it('refuses bytes that are not an image even when the header says so', async () => {
    expect(await downloadImage(`${base}/lying.png`)).toMatchObject({ ok: false, code: 'not_an_image' });
    expect(await downloadImage(`${base}/page`)).toMatchObject({ ok: false, code: 'not_an_image' });
  });

  it('stops at the size limit', async () => {
    expect(await downloadImage(`${base}/big.png`, { maxBytes: png.length + 100 })).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('refuses insecure and odd addresses before connecting', async () => {
    for (const url of ['http://example.com/a.png', 'file:///etc/passwd', 'ftp://127.0.0.1/a.png', 'https://u:p@example.com/a.png', 'not a url']) {
      expect(await downloadImage(url)).toMatchObject({ ok: false, code: 'download_refused' });
    }
  });

  it('reports a missing file as a failed download', async () => {
    expect(await downloadImage(`${base}/gone.png`)).toMatchObject({ ok: false, code: 'download_failed' });
  });
});
