import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { createGalleryFolder } from '../../main/gallery/gallery-folder.ts';
import { recentResults } from '../../main/gallery/gallery-recent.ts';

describe('recent results for the tray menu', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pp-recent-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the newest images first, titled by their prompt, with their files as thumbnails', async () => {
    let clock = 1_000;
    const gallery = createGalleryFolder({ dir: () => dir, now: () => clock });
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
    for (const prompt of ['first', 'second', 'third']) {
      clock += 1_000;
      await gallery.saveImage(
        { bytes: png, contentType: 'image/png' },
        { version: 1, generationId: `gen_${prompt}`, tool: 't', toolName: 'Tool', prompt, params: {}, index: 0 },
      );
    }
    const recent = await recentResults(gallery, 2);
    expect(recent.map((r) => r.title)).toEqual(['third', 'second']);
    expect(recent[0]!.thumbnailPath).toMatch(new RegExp(`^${dir}`));
  });
});
