import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestBackend } from './helpers/backend.ts';
import { balance, expectLedgerConsistent, fundedUser, generate, startGenerationRig, waitForFinal, type GenerationRig } from './helpers/generation.ts';

/** A real photo-like PNG: a flat backdrop (keyed out by the background-removal stand-in) with a subject. */
async function testImage(width: number, height: number, format: 'png' | 'jpeg' = 'png'): Promise<Buffer> {
  const subject = await sharp({ create: { width: Math.round(width / 2), height: Math.round(height / 2), channels: 3, background: '#d03030' } }).png().toBuffer();
  const base = sharp({ create: { width, height, channels: 3, background: '#20c040' } }).composite([{ input: subject, gravity: 'centre' }]);
  return format === 'png' ? base.png().toBuffer() : base.jpeg().toBuffer();
}

const upload = (backend: TestBackend, auth: Record<string, string>, body: Buffer | string, contentType = 'image/png') =>
  call(backend.url, 'POST', '/v1/uploads', { body: typeof body === 'string' ? body : new Uint8Array(body), headers: { ...auth, 'content-type': contentType } });

const uploadRows = (backend: TestBackend, userId: string) => backend.deps.db.prepare('SELECT * FROM uploads WHERE user_id = ?').all(userId) as Array<Record<string, unknown>>;

async function download(url: string) {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  const meta = await sharp(bytes).metadata();
  return { bytes, meta };
}

describe('image tools on the user’s own images', () => {
  let rig: GenerationRig;
  beforeAll(async () => {
    rig = await startGenerationRig();
  });
  afterAll(() => rig.stop());
  afterEach(() => expectLedgerConsistent(rig.backend));

  it('lists every image tool with a schema that takes an upload id, never a URL', async () => {
    const res = await call(rig.backend.url, 'GET', '/v1/tools');
    const tools = (res.json as Array<{ id: string; kind: string; group: string; params: { properties: Record<string, unknown>; required: string[] } }>).filter((t) => t.group === 'image-tool');
    expect(tools.map((t) => [t.id, t.kind])).toEqual([
      ['image/upscale-2x', 'upscale'],
      ['image/upscale-4x', 'upscale'],
      ['image/enhance', 'enhance'],
      ['image/face-restore', 'enhance'],
      ['image/remove-background', 'remove-background'],
      ['image/edit', 'edit'],
      ['image/style-transfer', 'edit'],
    ]);
    for (const t of tools) {
      expect(t.params.required).toContain('upload_id');
      expect(JSON.stringify(t.params)).not.toMatch(/image_url|fal-ai/);
    }
  });

  it('uploads a real image: the true size, EXIF orientation applied, location metadata stripped, bytes kept only at fal', async () => {
    const user = await fundedUser(rig.backend, 0);
    // A 300×200 JPEG whose EXIF says "rotate 90°" and which carries GPS-like metadata.
    const jpeg = await sharp(await testImage(300, 200, 'jpeg'))
      .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret-location-52.37N' } } })
      .jpeg()
      .toBuffer();
    const res = await upload(rig.backend, user.auth, jpeg, 'image/jpeg');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ width: 200, height: 300, content_type: 'image/jpeg' });
    expect(res.json.upload_id).toMatch(/^upl_/);
    const [row] = uploadRows(rig.backend, user.userId);
    expect(row).toMatchObject({ id: res.json.upload_id, width: 200, height: 300 });
    // The record names fal's copy; the bytes are not in the database.
    expect(String(row!.file_url)).toContain(`${rig.fal.url}/files/`);
    expect(Object.keys(row!)).not.toContain('bytes');
    const atFal = await download(String(row!.file_url));
    expect([atFal.meta.width, atFal.meta.height, atFal.meta.orientation, atFal.meta.exif]).toEqual([200, 300, undefined, undefined]);
    expect(atFal.bytes.includes('secret-location')).toBe(false);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 0, held: 0, available: 0 });
  });

  it.each([
    ['text renamed .png', () => Buffer.from('just some text, not an image at all'), 'image/png', 415, 'unsupported_media_type'],
    ['a truncated JPEG', async () => (await testImage(400, 300, 'jpeg')).subarray(0, 600), 'image/jpeg', 400, 'invalid_image'],
    ['a PNG header claiming 50000×50000', async () => {
      const png = await testImage(8, 8);
      // IHDR width/height live at bytes 16..23; the CRC does not matter for a header read.
      png.writeUInt32BE(50_000, 16);
      png.writeUInt32BE(50_000, 20);
      return png;
    }, 'image/png', 413, 'image_too_large'],
    ['a GIF sent with an allowed header', () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'image/png', 415, 'unsupported_media_type'],
    ['an image with a wrong Content-Type header', () => testImage(16, 16), 'text/plain', 415, 'unsupported_media_type'],
    ['an empty body', () => Buffer.alloc(0), 'image/png', 400, 'invalid_image'],
  ] as const)('refuses %s with a clear error and holds nothing', async (_name, make, type, status, code) => {
    const user = await fundedUser(rig.backend, 20);
    const res = await upload(rig.backend, user.auth, await make(), type);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message.length).toBeGreaterThan(10);
    expect(uploadRows(rig.backend, user.userId)).toEqual([]);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 20, held: 0, available: 20 });
  });

  it('refuses a 100 MB body with 413 before reading it, and holds nothing', async () => {
    const user = await fundedUser(rig.backend, 20);
    const before = rig.fal.calls.submit;
    const res = await fetch(`${rig.backend.url}/v1/uploads`, { method: 'POST', headers: { ...user.auth, 'content-type': 'image/png' }, body: new Uint8Array(100 * 1024 * 1024) }).catch((err: unknown) => err);
    // The server answers before the body is read; some clients see the reset, most the 413.
    if (res instanceof Response) {
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
    } else {
      expect(String(res)).toMatch(/fetch failed|socket|EPIPE|ECONNRESET/);
    }
    expect(uploadRows(rig.backend, user.userId)).toEqual([]);
    expect(rig.fal.calls.submit).toBe(before);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 20, held: 0, available: 20 });
  });

  it('the export lists waiting uploads without their file address, and erasing the account deletes them', async () => {
    const user = await fundedUser(rig.backend, 0);
    const up = await upload(rig.backend, user.auth, await testImage(40, 30));
    const exported = await call(rig.backend.url, 'GET', '/v1/me/export', { headers: user.auth });
    expect(exported.status).toBe(200);
    const section = JSON.stringify(exported.json);
    expect(section).toContain(up.json.upload_id);
    // The fal URL is a capability to fetch the image: not handed out again.
    expect(section).not.toContain(rig.fal.url);
    expect((await call(rig.backend.url, 'DELETE', '/v1/me', { headers: user.auth })).status).toBe(204);
    expect(uploadRows(rig.backend, user.userId)).toEqual([]);
  });

  it('needs sign-in to upload', async () => {
    const res = await upload(rig.backend, {}, await testImage(10, 10));
    expect(res.status).toBe(401);
  });

  const cases = [
    { tool: 'image/upscale-2x', input: {}, size: [600, 400], out: [1200, 800], format: 'png', cost: 1 /* 0.96 MP → 1 MP × $0.0025 × 2 */ },
    { tool: 'image/upscale-4x', input: {}, size: [600, 400], out: [2400, 1600], format: 'png', cost: 2 /* 3.84 → 4 MP */ },
    { tool: 'image/enhance', input: { strength: 60 }, size: [600, 400], out: [1200, 800], format: 'png', cost: 6 /* 1 MP × $0.03 × 2 */ },
    { tool: 'image/face-restore', input: { fidelity: 70 }, size: [600, 400], out: [1200, 800], format: 'png', cost: 1 },
    { tool: 'image/remove-background', input: {}, size: [600, 400], out: [600, 400], format: 'png', cost: 1 },
    { tool: 'image/edit', input: { instruction: 'make it night', guidance: 4 }, size: [600, 400], out: [600, 400], format: 'jpeg', cost: 8 },
    { tool: 'image/style-transfer', input: { style: 'watercolor' }, size: [600, 400], out: [600, 400], format: 'jpeg', cost: 8 },
  ] as const;

  it.each(cases)('$tool: upload → quote → generate → a real $format of the right size, charged exactly the quote, upload deleted', async (c) => {
    const user = await fundedUser(rig.backend, 30);
    const up = await upload(rig.backend, user.auth, await testImage(c.size[0], c.size[1]));
    expect(up.status).toBe(201);
    const body = { tool: c.tool, input: { upload_id: up.json.upload_id, ...c.input } };
    const quote = await call(rig.backend.url, 'POST', '/v1/quotes', { json: body, headers: user.auth });
    expect(quote.status).toBe(200);
    expect(quote.json.cost).toBe(c.cost);
    expect(quote.json.price_basis.input).toEqual({ width: c.size[0], height: c.size[1] });

    const res = await generate(rig.backend, user.auth, body);
    expect(res.status).toBe(202);
    expect(res.json.cost).toBe(c.cost);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 30, held: c.cost, available: 30 - c.cost });
    // fal got the stored file's URL, never anything the client sent.
    expect(rig.fal.submissions.at(-1)!.input.image_url).toBe(uploadRows(rig.backend, user.userId)[0]!.file_url);

    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done.status).toBe('succeeded');
    expect(done.cost).toBe(c.cost);
    expect(done.result.images).toHaveLength(1);
    const img = done.result.images[0];
    expect(img).toMatchObject({ width: c.out[0], height: c.out[1], content_type: `image/${c.format}` });
    const { bytes, meta } = await download(img.url);
    expect([meta.format, meta.width, meta.height]).toEqual([c.format, c.out[0], c.out[1]]);
    if (c.tool === 'image/remove-background') {
      // The backdrop is transparent, the subject in the middle is not.
      const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(data[3]).toBe(0);
      expect(data[(Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * 4 + 3]).toBe(255);
    }
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 30 - c.cost, held: 0, available: 30 - c.cost });
    // The input image is deleted after processing.
    expect(uploadRows(rig.backend, user.userId)).toEqual([]);
  });

  it('prices upscaling by this image’s megapixels and says so in the quote', async () => {
    const user = await fundedUser(rig.backend, 0);
    const small = await upload(rig.backend, user.auth, await testImage(500, 500));
    const big = await upload(rig.backend, user.auth, await testImage(2500, 1800));
    const q = async (id: string, tool: string) => (await call(rig.backend.url, 'POST', '/v1/quotes', { json: { tool, input: { upload_id: id } }, headers: user.auth })).json;
    const smallQuote = await q(small.json.upload_id, 'image/upscale-2x');
    const bigQuote = await q(big.json.upload_id, 'image/upscale-2x');
    expect(smallQuote.price_basis).toMatchObject({ unit: 'megapixel', of: 'output', megapixels: 1, output: { width: 1000, height: 1000 } });
    // 5000×3600 = 18 MP × $0.0025 × 2 margin = 9 credits.
    expect(bigQuote).toMatchObject({ cost: 9, price_basis: { megapixels: 18, input: { width: 2500, height: 1800 }, output: { width: 5000, height: 3600 } } });
    expect(bigQuote.price_basis.explanation).toContain('2500×1800 becomes 5000×3600, 18 started megapixels');
    // Background removal is per image, whatever the size.
    expect((await q(big.json.upload_id, 'image/remove-background')).price_basis).toMatchObject({ unit: 'image', megapixels: 1 });
    // Too big for ×4 (4.5 MP in, 72 MP out): a clear 400 that names the field.
    const tooBig = await call(rig.backend.url, 'POST', '/v1/quotes', { json: { tool: 'image/upscale-4x', input: { upload_id: big.json.upload_id } }, headers: user.auth });
    expect(tooBig.status).toBe(400);
    expect(tooBig.json.error.details[0].field).toBe('input.upload_id');
  });

  it('takes only the owner’s uploads: another user’s upload id is not found and nothing is held', async () => {
    const owner = await fundedUser(rig.backend, 30);
    const other = await fundedUser(rig.backend, 30);
    const up = await upload(rig.backend, owner.auth, await testImage(64, 64));
    const body = { tool: 'image/upscale-2x', input: { upload_id: up.json.upload_id } };
    const quote = await call(rig.backend.url, 'POST', '/v1/quotes', { json: body, headers: other.auth });
    expect(quote.status).toBe(404);
    const res = await generate(rig.backend, other.auth, body);
    expect(res.status).toBe(404);
    expect(res.json.error.message).toContain('upload');
    expect(await balance(rig.backend, other.auth)).toEqual({ balance: 30, held: 0, available: 30 });
    // Without sign-in an image tool cannot be priced at all; a URL instead of an id is refused.
    expect((await call(rig.backend.url, 'POST', '/v1/quotes', { json: body })).status).toBe(401);
    const url = await generate(rig.backend, owner.auth, { tool: 'image/upscale-2x', input: { upload_id: 'https://example.com/x.png' } });
    expect(url.status).toBe(400);
    const extra = await generate(rig.backend, owner.auth, { tool: 'image/upscale-2x', input: { upload_id: up.json.upload_id, image_url: 'https://example.com/x.png' } });
    expect(extra.status).toBe(400);
    expect(await balance(rig.backend, owner.auth)).toEqual({ balance: 30, held: 0, available: 30 });
  });

  it('a retry with the same key after the job finished replays it, though the upload is gone, and charges once', async () => {
    const user = await fundedUser(rig.backend, 30);
    const up = await upload(rig.backend, user.auth, await testImage(100, 100));
    const body = { tool: 'image/remove-background', input: { upload_id: up.json.upload_id } };
    const first = await generate(rig.backend, user.auth, body, 'same-key-image-tool');
    await waitForFinal(rig.backend, user.auth, first.json.id);
    const again = await generate(rig.backend, user.auth, body, 'same-key-image-tool');
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(first.json.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // A new request needs a new upload: the old one was deleted after processing.
    const fresh = await generate(rig.backend, user.auth, body);
    expect(fresh.status).toBe(404);
    expect(await balance(rig.backend, user.auth)).toEqual({ balance: 29, held: 0, available: 29 });
  });

  it('a failed or canceled job releases the hold and still deletes the upload', async () => {
    const user = await fundedUser(rig.backend, 30);
    rig.fal.setBehaviour({ queueMs: 30, runMs: 120, steps: 4, outcome: 'failure' });
    try {
      const up = await upload(rig.backend, user.auth, await testImage(100, 100));
      const res = await generate(rig.backend, user.auth, { tool: 'image/edit', input: { upload_id: up.json.upload_id, instruction: 'add snow' } });
      const done = await waitForFinal(rig.backend, user.auth, res.json.id);
      expect(done.status).toBe('failed');
      rig.fal.setBehaviour({ queueMs: 5_000, runMs: 120, steps: 4 });
      const up2 = await upload(rig.backend, user.auth, await testImage(100, 100));
      const res2 = await generate(rig.backend, user.auth, { tool: 'image/edit', input: { upload_id: up2.json.upload_id, instruction: 'add snow' } });
      expect(uploadRows(rig.backend, user.userId)).toHaveLength(1);
      const canceled = await call(rig.backend.url, 'DELETE', `/v1/generations/${res2.json.id}`, { headers: user.auth });
      expect(canceled.json.status).toBe('canceled');
      expect(uploadRows(rig.backend, user.userId)).toEqual([]);
      expect(await balance(rig.backend, user.auth)).toEqual({ balance: 30, held: 0, available: 30 });
    } finally {
      rig.fal.setBehaviour({ queueMs: 30, runMs: 120, steps: 4 });
    }
  });
});

describe('upload retention', () => {
  let rig: GenerationRig;
  let clock = Date.now();
  beforeAll(async () => {
    rig = await startGenerationRig({}, { now: () => clock });
  });
  afterAll(() => rig.stop());

  it('uploaded images are deleted after processing, and unused ones once fal’s copy expires', async () => {
    const { uploadRetention } = await import('../src/uploads/jobs.ts');
    const user = await fundedUser(rig.backend, 0);
    const up = await upload(rig.backend, user.auth, await testImage(50, 50));
    expect(up.status).toBe(201);
    // fal was asked to delete its copy after an hour.
    const row = uploadRows(rig.backend, user.userId)[0]!;
    expect(Number(row.expires_at) - Number(row.created_at)).toBe(3600_000);
    await uploadRetention.run(rig.backend.deps);
    expect(uploadRows(rig.backend, user.userId)).toHaveLength(1);
    clock += 3600_000;
    await uploadRetention.run(rig.backend.deps);
    expect(uploadRows(rig.backend, user.userId)).toEqual([]);
  });
});
