import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGalleryFolder } from '../../main/gallery/gallery-folder.ts';
import { makeImage } from '../helpers/images.ts';

const baseSidecar = (prompt: string, index = 0) => ({
  version: 1 as const,
  generationId: 'gen_0123456789abcdef',
  tool: 'flux-schnell',
  toolName: 'FLUX schnell',
  prompt,
  seed: 42,
  params: { prompt, aspect_ratio: '1:1', num_images: 1, seed: 42 },
  cost: 3,
  index,
});

describe('the gallery folder on disk', () => {
  let dir: string;
  let clock: number;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'pp-gallery-')), 'Pictures', 'PromptPixels');
    clock = Date.parse('2026-11-24T10:00:00Z');
  });
  afterEach(() => rmSync(join(dir, '..', '..'), { recursive: true, force: true }));
  const gallery = () => createGalleryFolder({ dir: () => dir, now: () => clock });

  it('saves an image with a sidecar holding the prompt and settings, creating the folder', async () => {
    const png = await makeImage('png');
    const item = await gallery().saveImage({ bytes: png, contentType: 'image/png' }, { ...baseSidecar('A red fox in snow'), negativePrompt: 'blurry' });
    expect(item.id).toMatch(/^2026-11-24_10-00-00_a-red-fox-in-snow_.*-1\.png$/);
    expect(readFileSync(join(dir, item.id))).toEqual(png);
    const sidecar = JSON.parse(readFileSync(join(dir, item.id.replace(/\.png$/, '.json')), 'utf8'));
    expect(sidecar).toMatchObject({ prompt: 'A red fox in snow', negativePrompt: 'blurry', seed: 42, tool: 'flux-schnell', cost: 3, createdAt: '2026-11-24T10:00:00.000Z', contentType: 'image/png' });
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('lists newest first and finds images by every word of the prompt', async () => {
    const g = gallery();
    const png = await makeImage('png');
    await g.saveImage({ bytes: png, contentType: 'image/png' }, baseSidecar('Sports car on a coastal road'));
    clock += 1000;
    await g.saveImage({ bytes: png, contentType: 'image/png' }, baseSidecar('Almond nails with gold leaf'));
    clock += 1000;
    await g.saveImage({ bytes: png, contentType: 'image/png' }, baseSidecar('Vintage car in the rain'));
    expect((await g.list()).map((i) => i.meta?.prompt)).toEqual(['Vintage car in the rain', 'Almond nails with gold leaf', 'Sports car on a coastal road']);
    expect((await g.list('CAR')).map((i) => i.meta?.prompt)).toEqual(['Vintage car in the rain', 'Sports car on a coastal road']);
    expect((await g.list('car rain')).map((i) => i.meta?.prompt)).toEqual(['Vintage car in the rain']);
    expect(await g.list('tattoo')).toEqual([]);
  });

  it('lists images dropped in by hand and ignores sidecars that are not valid', async () => {
    const g = gallery();
    await g.saveImage({ bytes: await makeImage('png'), contentType: 'image/png' }, baseSidecar('kept'));
    writeFileSync(join(dir, 'holiday.jpg'), await makeImage('jpeg'));
    writeFileSync(join(dir, 'holiday.json'), '{"version":1,"prompt":5}');
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    const items = await g.list();
    expect(items.map((i) => i.id).sort()).toEqual([expect.stringMatching(/kept/), 'holiday.jpg'].sort());
    expect(items.find((i) => i.id === 'holiday.jpg')?.meta).toBeUndefined();
  });

  it('deletes the image and its sidecar, and refuses ids outside the folder', async () => {
    const g = gallery();
    const item = await g.saveImage({ bytes: await makeImage('png'), contentType: 'image/png' }, baseSidecar('to delete'));
    writeFileSync(join(dir, '..', 'outside.png'), await makeImage('png'));
    expect(await g.remove('../outside.png')).toBe(false);
    expect(await g.pathOf('../outside.png')).toBeUndefined();
    expect(readdirSync(join(dir, '..'))).toContain('outside.png');
    expect(await g.remove(item.id)).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
    expect(await g.remove(item.id)).toBe(false);
  });

  it('reads a sidecar again once it changes on disk', async () => {
    const g = gallery();
    const item = await g.saveImage({ bytes: await makeImage('png'), contentType: 'image/png' }, baseSidecar('first words'));
    expect((await g.list()).map((i) => i.meta?.prompt)).toEqual(['first words']);
    const sidecarPath = join(dir, item.id.replace(/\.png$/, '.json'));
    const edited = { ...JSON.parse(readFileSync(sidecarPath, 'utf8')), prompt: 'replaced by hand, and longer' };
    writeFileSync(sidecarPath, JSON.stringify(edited));
    expect((await g.list()).map((i) => i.meta?.prompt)).toEqual(['replaced by hand, and longer']);
    expect((await g.list('replaced')).length).toBe(1);
  });

  it('an empty or missing folder lists nothing', async () => {
    expect(await gallery().list()).toEqual([]);
  });
});
