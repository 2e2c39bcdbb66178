import { ApiError as FalApiError } from '@fal-ai/client';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ASPECT_RATIOS, sizeOfFalInput } from '../../src/generation/aspect-ratios.ts';
import { CATALOG_JSON, findTool, TOOLS } from '../../src/generation/catalog.ts';
import { originRewritingFetch } from '../../src/generation/fal-client.ts';
import { classifyFalError, progressFromLogs, readFalOutput } from '../../src/generation/fal-results.ts';
import { SAFETY_LEVELS, TEXT_TO_IMAGE_MODEL_IDS, TEXT_TO_IMAGE_MODELS } from '../../src/generation/models.ts';
import { CREDIT_VALUE_MICRO_USD, FAL_LIST_PRICES } from '../../src/generation/prices.ts';
import { STYLE_PRESET_IDS } from '../../src/generation/styles.ts';
import { TOOL_KINDS } from '../../src/generation/tool.ts';

describe('the tool catalog', () => {
  it('has unique ids, API.md kinds and a JSON Schema object form for every tool', () => {
    expect(new Set(TOOLS.map((t) => t.id)).size).toBe(TOOLS.length);
    for (const tool of CATALOG_JSON) {
      expect(TOOL_KINDS).toContain(tool.kind);
      expect(tool.params).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('offers at least a fast, a high-quality, a negative-prompt and a styled model, and the seven themes', () => {
    const ids = TOOLS.map((t) => t.id);
    expect(ids).toEqual(expect.arrayContaining(['text-to-image/flux-schnell', 'text-to-image/flux-pro-ultra', 'text-to-image/ideogram-v3', 'text-to-image/recraft-v3']));
    expect(TOOLS.filter((t) => t.group === 'theme').map((t) => t.id)).toEqual(['theme/cars', 'theme/nail-art', 'theme/logo', 'theme/tattoo', 'theme/interior', 'theme/product', 'theme/portrait']);
  });

  it('prices every model, ratio, count, safety level and style as a positive whole number, never below cost', () => {
    for (const id of TEXT_TO_IMAGE_MODEL_IDS) {
      const spec = TEXT_TO_IMAGE_MODELS[id];
      const tool = findTool(`text-to-image/${id}`)!;
      for (const aspect_ratio of spec.aspectRatios) {
        for (let num_images = 1; num_images <= spec.maxImages; num_images++) {
          for (const safety of spec.safetyLevels) {
            for (const style of STYLE_PRESET_IDS) {
              const plan = tool.plan({ prompt: 'p', aspect_ratio, num_images, safety, style });
              expect(Number.isSafeInteger(plan.unitCost) && plan.unitCost > 0).toBe(true);
              expect(plan.units).toBe(num_images);
              // What the user pays for one image covers fal's list price for it.
              const size = sizeOfFalInput(plan.endpoint, plan.falInput);
              const price = FAL_LIST_PRICES[plan.endpoint as keyof typeof FAL_LIST_PRICES];
              const falMicroUsd = price.per === 'image' ? price.microUsd : price.microUsd * Math.ceil((size.width * size.height) / 1e6);
              expect(plan.unitCost * CREDIT_VALUE_MICRO_USD).toBeGreaterThanOrEqual(falMicroUsd);
            }
          }
        }
      }
    }
  });

  it("maps each aspect ratio to the model's own parameter at the right shape", () => {
    for (const ratio of ASPECT_RATIOS) {
      const [w, h] = ratio.split(':').map(Number) as [number, number];
      for (const id of TEXT_TO_IMAGE_MODEL_IDS) {
        if (!(TEXT_TO_IMAGE_MODELS[id].aspectRatios as readonly string[]).includes(ratio)) continue;
        const plan = findTool(`text-to-image/${id}`)!.plan({ prompt: 'p', aspect_ratio: ratio });
        const size = sizeOfFalInput(plan.endpoint, plan.falInput);
        // Within 4%: models render at sizes near the ratio (Imagen 4 makes 1408×768 for 16:9).
        expect(Math.abs(size.width / size.height / (w / h) - 1)).toBeLessThan(0.04);
      }
    }
  });

  it('maps safety levels to checkers and tolerances', () => {
    const schnell = findTool('text-to-image/flux-schnell')!;
    expect(SAFETY_LEVELS.map((safety) => schnell.plan({ prompt: 'p', safety }).falInput.enable_safety_checker)).toEqual([true, true, false]);
    const ultra = findTool('text-to-image/flux-pro-ultra')!;
    expect(SAFETY_LEVELS.map((safety) => ultra.plan({ prompt: 'p', safety }).falInput.safety_tolerance)).toEqual(['1', '2', '5']);
  });

  it('applies style presets as prompt suffixes or native styles, and prices Recraft vector styles double', () => {
    expect(findTool('text-to-image/flux-dev')!.plan({ prompt: 'a cat', style: 'watercolor' }).falInput.prompt).toMatch(/^a cat, watercolor painting/);
    const recraft = findTool('text-to-image/recraft-v3')!;
    expect(recraft.plan({ prompt: 'a cat', style: 'pixel-art' }).falInput).toMatchObject({ prompt: 'a cat', style: 'digital_illustration/pixel_art' });
    expect(recraft.plan({ prompt: 'a cat', style: 'flat-vector' }).unitCost).toBe(2 * recraft.plan({ prompt: 'a cat' }).unitCost);
  });

  it('fills theme templates from their own options', () => {
    const cars = findTool('theme/cars')!.plan({ body_style: 'pickup truck', color: 'matte green', setting: 'desert highway' });
    expect(cars.falInput.prompt).toMatch(/^A matte green pickup truck, desert highway, golden hour/);
    const logo = findTool('theme/logo')!.plan({ brand_name: 'Acorn', logo_type: 'emblem' });
    expect(logo).toMatchObject({ endpoint: 'fal-ai/ideogram/v3', falInput: { negative_prompt: expect.stringContaining('mockup') } });
    expect(logo.falInput.prompt).toContain('"Acorn"');
  });
});

describe('reading fal results', () => {
  const img = (n: number) => ({ url: `https://v3.fal.media/files/${n}.png`, width: 8, height: 8, content_type: 'image/png' });

  it('drops images the safety checker flagged, only when the checker was on', () => {
    const out = { images: [img(1), img(2)], has_nsfw_concepts: [true, false] };
    expect(readFalOutput('images', out, true)).toMatchObject({ ok: true, images: [img(2)], flagged: 1 });
    expect(readFalOutput('images', out, false)).toMatchObject({ ok: true, images: [img(1), img(2)], flagged: 0 });
    expect(readFalOutput('image', { image: img(3) }, false)).toMatchObject({ ok: true, images: [img(3)] });
    expect(readFalOutput('images', { images: [{ url: 'javascript:alert(1)', width: 1, height: 1 }] }, false).ok).toBe(false);
  });

  it('classifies fal errors without reading their echoed input', () => {
    const policy = new FalApiError({ message: 'x', status: 422, body: { detail: [{ type: 'content_policy_violation', msg: 'no' }] } });
    expect(classifyFalError(policy).kind).toBe('content_policy');
    expect(classifyFalError(new FalApiError({ message: 'x', status: 422, body: { detail: [{ type: 'value_error' }] } })).kind).toBe('rejected');
    expect(classifyFalError(new FalApiError({ message: 'x', status: 404, body: {} })).kind).toBe('not_found');
    expect(classifyFalError(new FalApiError({ message: 'x', status: 503, body: {} })).kind).toBe('transient');
    expect(classifyFalError(new TypeError('fetch failed')).kind).toBe('transient');
  });

  it('reads percent done from step or percent logs, where the model reports it', () => {
    expect(progressFromLogs(['Loading model', 'Step 3/8'])).toBe(37);
    expect(progressFromLogs(['45% done'])).toBe(45);
    expect(progressFromLogs(['Loading model'])).toBeUndefined();
  });
});

describe('the fal fetch override', () => {
  it('sends https://HOST/PATH?Q to ORIGIN/HOST/PATH?Q and gives up after its timeout', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url?.includes('slow')) return; // never answers
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const f = originRewritingFetch(origin, 1_000);
      expect(await (await f('https://queue.fal.run/fal-ai/flux/schnell/requests/1/status?logs=1')).text()).toBe('ok');
      expect(seen[0]).toBe('/queue.fal.run/fal-ai/flux/schnell/requests/1/status?logs=1');
      await expect(f('https://rest.fal.ai/slow')).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
