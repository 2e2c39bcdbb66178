import { ApiError, createFalClient, ValidationError } from '@fal-ai/client';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originRewritingFetch } from '../src/generation/fal-client.ts';
import { startFalStandIn, type FalStandIn } from '../src/sandbox/fal-stand-in.ts';

/** The real @fal-ai/client against the stand-in: the wire format must satisfy the SDK. */
describe('the fal stand-in', () => {
  let fal: FalStandIn;
  let client: ReturnType<typeof createFalClient>;
  beforeAll(async () => {
    fal = await startFalStandIn();
    client = createFalClient({ credentials: 'test-key', fetch: originRewritingFetch(fal.url, 10_000) });
  });
  afterAll(() => fal.close());

  const untilDone = async (endpoint: string, requestId: string) => {
    for (;;) {
      const s = await client.queue.status(endpoint, { requestId, logs: true });
      if (s.status === 'COMPLETED') return s;
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('runs a queued text-to-image job and serves labelled PNGs of the requested size', async () => {
    fal.setBehaviour({ queueMs: 20, runMs: 40 });
    const queued = await client.queue.submit('fal-ai/flux/schnell', { input: { prompt: 'lighthouse in fog', image_size: 'portrait_16_9', num_images: 2 } });
    expect(queued).toMatchObject({ status: 'IN_QUEUE', request_id: expect.any(String) });
    const done = await untilDone('fal-ai/flux/schnell', queued.request_id);
    expect(done.logs.at(-1)?.message).toMatch(/Step \d+\/\d+/);
    const result = await client.queue.result('fal-ai/flux/schnell', { requestId: queued.request_id });
    expect(result.requestId).toBe(queued.request_id);
    const data = result.data as { images: Array<{ url: string; width: number; height: number }>; has_nsfw_concepts: boolean[] };
    expect(data.images).toHaveLength(2);
    expect(data.has_nsfw_concepts).toEqual([false, false]);
    const png = Buffer.from(await (await fetch(data.images[0]!.url)).arrayBuffer());
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 576, height: 1024 });
  });

  it('answers status and result under the app path without the sub-path, as fal does', async () => {
    fal.setBehaviour({ queueMs: 0, runMs: 10 });
    const queued = await client.queue.submit('fal-ai/recraft/v3/text-to-image', { input: { prompt: 'a fox', image_size: 'square_hd' } });
    await untilDone('fal-ai/recraft/v3/text-to-image', queued.request_id);
    const result = await client.queue.result('fal-ai/recraft/v3/text-to-image', { requestId: queued.request_id });
    expect((result.data as { images: unknown[] }).images).toHaveLength(1);
  });

  it('refuses missing input with a 422 detail the SDK reads as a ValidationError', async () => {
    const err = await client.queue.submit('fal-ai/flux/schnell' as string, { input: { num_images: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors[0]).toMatchObject({ loc: ['body', 'prompt'], type: 'missing' });
  });

  it('answers an unknown request id with 404 and a missing key with 401', async () => {
    const unknown = await client.queue.status('fal-ai/flux/schnell', { requestId: 'nope' }).catch((e: unknown) => e);
    expect((unknown as ApiError<unknown>).status).toBe(404);
    const anonymous = await fetch(`${fal.url}/queue.fal.run/fal-ai/flux/schnell`, { method: 'POST', body: '{}' });
    expect(anonymous.status).toBe(401);
  });

  it('cancels a running job, and refuses to cancel a finished one', async () => {
    fal.setBehaviour({ queueMs: 0, runMs: 10, manual: true });
    const queued = await client.queue.submit('fal-ai/flux/dev', { input: { prompt: 'cancel me' } });
    await client.queue.cancel('fal-ai/flux/dev', { requestId: queued.request_id });
    const again = await client.queue.cancel('fal-ai/flux/dev', { requestId: queued.request_id }).catch((e: unknown) => e);
    expect((again as ApiError<unknown>).status).toBe(400);
  });

  it('reports content-policy refusals as 422 with type content_policy_violation', async () => {
    fal.setBehaviour({ queueMs: 0, runMs: 5, outcome: 'content_policy' });
    const queued = await client.queue.submit('fal-ai/flux/schnell', { input: { prompt: 'refused' } });
    await untilDone('fal-ai/flux/schnell', queued.request_id);
    const err = await client.queue.result('fal-ai/flux/schnell', { requestId: queued.request_id }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors[0]!.type).toBe('content_policy_violation');
  });

  it('stores uploads (initiate + PUT) and runs the image tools on them: upscale and background removal', async () => {
    fal.setBehaviour({ queueMs: 0, runMs: 5 });
    const source = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#ffffff' } })
      .composite([{ input: await sharp({ create: { width: 10, height: 10, channels: 3, background: '#d02020' } }).png().toBuffer(), left: 15, top: 10 }])
      .png()
      .toBuffer();
    const url = await client.storage.upload(new Blob([new Uint8Array(source)], { type: 'image/png' }), { lifecycle: { expiresIn: '1h' } });
    expect(url.startsWith(`${fal.url}/files/`)).toBe(true);

    const up = await client.queue.submit('fal-ai/esrgan', { input: { image_url: url, scale: 2 } });
    await untilDone('fal-ai/esrgan', up.request_id);
    const upscaled = (await client.queue.result('fal-ai/esrgan', { requestId: up.request_id })).data as { image: { url: string; width: number; height: number } };
    expect(upscaled.image).toMatchObject({ width: 80, height: 60 });

    const rb = await client.queue.submit('fal-ai/birefnet/v2', { input: { image_url: url } });
    await untilDone('fal-ai/birefnet/v2', rb.request_id);
    const cut = (await client.queue.result('fal-ai/birefnet/v2', { requestId: rb.request_id })).data as { image: { url: string } };
    const { data, info } = await sharp(Buffer.from(await (await fetch(cut.image.url)).arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    const alphaAt = (x: number, y: number) => data[(y * info.width + x) * 4 + 3];
    expect(alphaAt(0, 0)).toBe(0);
    expect(alphaAt(20, 15)).toBe(255);
  });

  it('only reads input images from its own storage', async () => {
    fal.setBehaviour({ queueMs: 0, runMs: 5 });
    const job = await client.queue.submit('fal-ai/esrgan', { input: { image_url: 'http://169.254.169.254/latest/meta-data' } });
    await untilDone('fal-ai/esrgan', job.request_id);
    const err = await client.queue.result('fal-ai/esrgan', { requestId: job.request_id }).catch((e: unknown) => e);
    expect((err as ApiError<unknown>).status).toBe(422);
  });
});
