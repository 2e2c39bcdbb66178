import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { checkUploadedImage, sniffImageType } from '../../src/uploads/image-check.ts';
import { ApiError } from '../../src/http/errors.ts';

const photo = (w: number, h: number, format: 'png' | 'jpeg' | 'webp' = 'jpeg') =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 80, b: 40 } } })[format]().toBuffer();

async function refusal(bytes: Buffer, opts?: Parameters<typeof checkUploadedImage>[1]) {
  try {
    await checkUploadedImage(bytes, opts);
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, code: err.code };
    throw err;
  }
  return undefined;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A well-formed PNG of a few hundred bytes whose header claims width × height (a decompression bomb). */
function pngBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(Buffer.alloc(4096))), pngChunk('IEND', Buffer.alloc(0))]);
}

describe('uploaded image checks', () => {
  it('knows PNG, JPEG and WebP by their bytes, not their names', async () => {
    expect(sniffImageType(await photo(4, 4, 'png'))).toBe('image/png');
    expect(sniffImageType(await photo(4, 4, 'jpeg'))).toBe('image/jpeg');
    expect(sniffImageType(await photo(4, 4, 'webp'))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('just some text renamed to photo.png'))).toBeUndefined();
  });

  it('refuses text renamed to .png with 415', async () => {
    expect(await refusal(Buffer.from('hello, I am not an image at all'))).toEqual({ status: 415, code: 'unsupported_media_type' });
  });

  it('refuses a truncated JPEG with 400', async () => {
    const full = await photo(300, 200);
    expect(await refusal(full.subarray(0, Math.floor(full.length / 2)))).toEqual({ status: 400, code: 'invalid_image' });
  });

  it('refuses a PNG header claiming 50000×50000 before decoding anything', async () => {
    const bomb = pngBomb(50_000, 50_000);
    expect(bomb.length).toBeLessThan(1024);
    expect(await refusal(bomb)).toEqual({ status: 413, code: 'image_too_large' });
  });

  it('refuses a body over the byte limit with 413', async () => {
    expect(await refusal(Buffer.alloc(2048, 1), { maxBytes: 1024 })).toEqual({ status: 413, code: 'payload_too_large' });
  });

  it('applies the EXIF orientation and strips all metadata, including GPS', async () => {
    const tagged = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6, exif: { IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1' } } })
      .toBuffer();
    expect((await sharp(tagged).metadata()).exif).toBeDefined();
    const checked = await checkUploadedImage(tagged);
    expect([checked.width, checked.height]).toEqual([20, 60]);
    const meta = await sharp(checked.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(checked.contentType).toBe('image/jpeg');
  });
});
