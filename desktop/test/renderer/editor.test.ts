import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';
import { startRendererHarness, type RendererHarness } from '../harness/renderer-harness.ts';
import { exportViaButton, near, openImage, readPixels, savedFile, screenPoint, setColour, setField, setSectionToggle, solidPng, WHITE, layerRows } from './editor-helpers.ts';

const GREY: [number, number, number] = [128, 128, 128];
const isWhite = (p: [number, number, number]) => near(p, WHITE, 24);

describe('Add Text editor in Chromium: mouse, keyboard and exported pixels', () => {
  let backend: TestBackend;
  let harness: RendererHarness;
  const pages: Page[] = [];
  const editorPage = async () => {
    const page = await harness.open('main', '#/add-text');
    pages.push(page);
    await page.getByRole('heading', { name: 'Add text to an image' }).waitFor();
    return page;
  };
  const textBox = (page: Page) => page.getByRole('textbox', { name: 'Text', exact: true });
  const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  beforeAll(async () => {
    backend = await startTestBackend();
    harness = await startRendererHarness({ backendUrl: backend.url });
  });
  // Pages share one IndexedDB: a page left open could autosave its recovery copy over the next test's.
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });
  afterAll(async () => {
    await harness?.close();
    await backend?.stop();
  });

  it('shows a drop zone first, and opening an image starts with one text layer', async () => {
    const page = await editorPage();
    expect(await page.locator('.drop-zone').textContent()).toContain('Nothing is uploaded');
    await openImage(page, await solidPng(800, 600));
    expect(await page.locator('.tb-title').textContent()).toContain('800 × 600');
    expect(await layerRows(page).count()).toBe(1);
  });

  it('exports the text where the user dragged it, at the original resolution', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(800, 600));
    await textBox(page).fill('HELLO');
    await setSectionToggle(page, 'Outline', false);
    // The new layer's line is centred on (400, 300) in image pixels.
    const from = await screenPoint(page, 400, 300);
    const to = await screenPoint(page, 250, 120);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    await page.mouse.up();
    const px = await readPixels(await exportViaButton(page, harness));
    expect([px.width, px.height]).toEqual([800, 600]);
    expect(px.count(150, 60, 350, 180, isWhite)).toBeGreaterThan(300);
    expect(px.count(300, 260, 500, 340, isWhite)).toBe(0);
    expect(px.at(5, 5)).toEqual(GREY);
  });

  it('draws the outline outside the glyphs: the white fill keeps its area when an outline is added', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(900, 500));
    await textBox(page).fill('WMW');
    await setField(page, 'Size', 160);
    await setSectionToggle(page, 'Outline', false);
    const plain = await readPixels(await exportViaButton(page, harness));
    await setSectionToggle(page, 'Outline', true);
    await setColour(page, 'Outline colour', '#ff0000');
    await setField(page, 'Outline width', 10);
    const outlined = await readPixels(await exportViaButton(page, harness));
    const white = (p: typeof plain) => p.count(0, 0, p.width, p.height, isWhite);
    const red = outlined.count(0, 0, outlined.width, outlined.height, (p) => near(p, [255, 0, 0], 60));
    expect(white(plain)).toBeGreaterThan(3000);
    expect(white(outlined) / white(plain)).toBeGreaterThan(0.93);
    expect(red).toBeGreaterThan(white(plain) * 0.3);
    const whiteBox = plain.bounds(isWhite)!;
    const redBox = outlined.bounds((p) => near(p, [255, 0, 0], 60))!;
    expect(redBox.minX).toBeLessThanOrEqual(whiteBox.minX - 8);
    expect(redBox.maxY).toBeGreaterThanOrEqual(whiteBox.maxY + 8);
  });

  it('puts a padded background box behind the text', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(800, 600));
    await textBox(page).fill('Boxed');
    await setSectionToggle(page, 'Outline', false);
    await setSectionToggle(page, 'Background box', true);
    await setColour(page, 'Box colour', '#00ff00');
    await setField(page, 'Box opacity', 100);
    await setField(page, 'Padding', 30);
    await setField(page, 'Corner radius', 0);
    const px = await readPixels(await exportViaButton(page, harness));
    const text = px.bounds(isWhite)!;
    const box = px.bounds((p) => near(p, [0, 255, 0], 30))!;
    expect(box.minX).toBeLessThan(text.minX - 20);
    expect(box.maxX).toBeGreaterThan(text.maxX + 20);
    expect(box.minY).toBeLessThan(text.minY - 10);
    expect(box.maxY).toBeGreaterThan(text.maxY + 10);
    expect(px.at(5, 5)).toEqual(GREY);
  });

  it('rotates the text in the export', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(800, 800));
    await textBox(page).fill('SIDEWAYS');
    await setSectionToggle(page, 'Outline', false);
    const flat = (await readPixels(await exportViaButton(page, harness))).bounds(isWhite)!;
    expect(flat.maxX - flat.minX).toBeGreaterThan((flat.maxY - flat.minY) * 3);
    await setField(page, 'Rotation', 90);
    const turned = (await readPixels(await exportViaButton(page, harness))).bounds(isWhite)!;
    expect(turned.maxY - turned.minY).toBeGreaterThan((turned.maxX - turned.minX) * 3);
  });

  it('undoes and redoes edits with the keyboard', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(400, 300));
    await textBox(page).fill('First');
    await blur(page);
    await textBox(page).fill('Second');
    await blur(page);
    await page.keyboard.press('Control+z');
    expect(await textBox(page).inputValue()).toBe('First');
    await page.keyboard.press('Control+z');
    expect(await textBox(page).inputValue()).toBe('Your text');
    await page.keyboard.press('Control+Shift+z');
    expect(await textBox(page).inputValue()).toBe('First');
    await page.getByRole('button', { name: 'Redo' }).click();
    expect(await textBox(page).inputValue()).toBe('Second');
  });

  it('adds, duplicates, cycles, nudges and deletes layers from the keyboard', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(800, 600));
    await setSectionToggle(page, 'Outline', false);
    await blur(page);
    const before = (await readPixels(await exportViaButton(page, harness))).bounds(isWhite)!;
    const scale = Number(await page.locator('.editor-stage').getAttribute('data-scale'));
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    const after = (await readPixels(await exportViaButton(page, harness))).bounds(isWhite)!;
    expect(after.minX - before.minX).toBeGreaterThanOrEqual(Math.round(20 / scale) - 2);
    expect(after.minX - before.minX).toBeLessThanOrEqual(Math.round(20 / scale) + 2);
    await page.keyboard.press('t');
    expect(await layerRows(page).count()).toBe(2);
    await page.keyboard.press('Control+d');
    expect(await layerRows(page).count()).toBe(3);
    const selectedText = () => page.locator('.layer-row.selected').textContent();
    await page.keyboard.press('Tab');
    const first = await selectedText();
    expect(await page.locator('.layer-row.selected').count()).toBe(1);
    await page.keyboard.press('Delete');
    expect(await layerRows(page).count()).toBe(2);
    expect(first).toBeTruthy();
  });

  it('edits text in place on double-click', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(800, 600));
    const at = await screenPoint(page, 400, 300);
    await page.mouse.dblclick(at.x, at.y);
    const inline = page.getByRole('textbox', { name: 'Edit text' });
    await inline.waitFor();
    await page.keyboard.type('Line one');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Line two');
    await page.keyboard.press('Control+Enter');
    await inline.waitFor({ state: 'detached' });
    expect(await textBox(page).inputValue()).toBe('Line one\nLine two');
    await page.keyboard.press('Control+z');
    expect(await textBox(page).inputValue()).toBe('Your text');
  });

  it('applies a style preset in one click', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(1200, 800));
    await page.getByRole('button', { name: 'Meme' }).click();
    expect(await textBox(page).inputValue()).toBe('TOP TEXT');
    expect(await page.getByLabel('Font', { exact: true }).inputValue()).toBe('Bebas Neue');
    const px = await readPixels(await exportViaButton(page, harness));
    expect(px.count(0, 0, 1200, 200, isWhite)).toBeGreaterThan(500);
    expect(px.count(0, 0, 1200, 200, (p) => near(p, [0, 0, 0], 30))).toBeGreaterThan(500);
  });

  it('applies the EXIF orientation of a photo exactly once', async () => {
    const page = await editorPage();
    // Stored 300×200 with red on the left and blue on the right, tagged "rotate 90° clockwise".
    const stored = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0000ff' } })
      .composite([{ input: await sharp({ create: { width: 150, height: 200, channels: 3, background: '#ff0000' } }).png().toBuffer(), left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(stored).metadata()).orientation).toBe(6);
    await openImage(page, stored, 'phone.jpg', 'image/jpeg');
    expect(await page.locator('.tb-title').textContent()).toContain('200 × 300');
    await page.getByRole('button', { name: 'Delete Text 1' }).click();
    const px = await readPixels(await exportViaButton(page, harness));
    expect([px.width, px.height]).toEqual([200, 300]);
    expect(near(px.at(100, 40), [255, 0, 0], 60)).toBe(true);
    expect(near(px.at(100, 260), [0, 0, 255], 60)).toBe(true);
  });

  it('opens AVIF, and says clearly when a HEIC photo cannot be decoded', async () => {
    const page = await editorPage();
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]);
    await page.getByLabel('Image file').first().setInputFiles({ name: 'IMG_1.HEIC', mimeType: 'image/heic', buffer: heic });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('HEIC photos cannot be decoded');
    const avif = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#208040' } }).avif().toBuffer();
    await openImage(page, avif, 'pic.avif', 'image/avif');
    expect(await page.locator('.tb-title').textContent()).toContain('64 × 48');
  });

  it('saves a project file and reopens it with identical output', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(640, 480, '#335577'));
    await textBox(page).fill('Keep me');
    await blur(page);
    await page.keyboard.press('t');
    await setField(page, 'Rotation', 30);
    await setSectionToggle(page, 'Shadow', true);
    await blur(page);
    const original = await exportViaButton(page, harness);
    const count = harness.editorFiles.saved.length;
    await page.keyboard.press('Control+s');
    const project = await savedFile(harness, count);
    expect(harness.editorFiles.saved[count]).toMatch(/\.pptext$/);
    await expect.poll(() => page.locator('.tb-dirty').count()).toBe(0);

    await openImage(page, await solidPng(300, 300), 'other.png');
    harness.editorFiles.queueOpen(harness.editorFiles.saved[count]!);
    await page.getByRole('button', { name: 'Open project' }).click();
    await expect.poll(() => page.locator('.tb-title').textContent()).toContain('640 × 480');
    expect(await layerRows(page).count()).toBe(2);
    const reopened = await exportViaButton(page, harness);
    const a = await sharp(original).raw().toBuffer();
    const b = await sharp(reopened).raw().toBuffer();
    expect(Buffer.compare(a, b)).toBe(0);
    expect(project.length).toBeGreaterThan(0);
  });

  it('refuses a hand-edited project file with a clear message and keeps the open work', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(320, 240));
    const count = harness.editorFiles.saved.length;
    await page.keyboard.press('Control+s');
    const files = unzipSync(await savedFile(harness, count));
    const manifest = JSON.parse(strFromU8(files['project.json']!));
    manifest.layers[0].fontSize = 'huge';
    files['project.json'] = strToU8(JSON.stringify(manifest));
    const bad = join(harness.editorFiles.dir, 'edited.pptext');
    writeFileSync(bad, zipSync(files));
    await openImage(page, await solidPng(500, 400), 'current.png');
    harness.editorFiles.queueOpen(bad);
    await page.keyboard.press('Control+o');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not valid: layers.0.fontSize');
    expect(await page.locator('.tb-title').textContent()).toContain('current.png');
    expect(await layerRows(page).count()).toBe(1);
  });

  it('refuses an export beyond the canvas limits instead of writing a blank file', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(7000, 4500));
    await page.getByLabel('Export scale').selectOption('3');
    const count = harness.editorFiles.saved.length;
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('larger than this computer');
    expect(harness.editorFiles.saved.length).toBe(count);
  });

  it('exports JPEG at half scale, with transparent areas white rather than black', async () => {
    const page = await editorPage();
    const transparent = await sharp({ create: { width: 400, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    await openImage(page, transparent, 'clear.png');
    await page.getByRole('button', { name: 'Delete Text 1' }).click();
    await page.getByLabel('Export format').selectOption('jpeg');
    await page.getByLabel('Export scale').selectOption('0.5');
    const bytes = await exportViaButton(page, harness);
    expect(harness.editorFiles.saved.at(-1)).toMatch(/\.jpg$/);
    expect((await sharp(bytes).metadata()).format).toBe('jpeg');
    const px = await readPixels(bytes);
    expect([px.width, px.height]).toEqual([200, 100]);
    expect(near(px.at(100, 50), WHITE, 6)).toBe(true);
  });

  it('copies the finished image to the clipboard as PNG', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(500, 300));
    await blur(page);
    const copies = harness.editorFiles.clipboard.length;
    await page.keyboard.press('Control+Shift+c');
    await expect.poll(() => harness.editorFiles.clipboard.length).toBe(copies + 1);
    const px = await readPixels(harness.editorFiles.clipboard[copies]!);
    expect([px.width, px.height]).toEqual([500, 300]);
    expect(px.count(0, 0, 500, 300, isWhite)).toBeGreaterThan(100);
  });

  it('asks before leaving with unsaved changes and offers the work back after a reload', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(400, 300));
    const leaveBlocked = () => page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(await leaveBlocked()).toBe(false);
    await textBox(page).fill('Do not lose me');
    await blur(page);
    expect(await leaveBlocked()).toBe(true);
    // The recovery copy is written shortly after the change.
    await expect.poll(() => page.evaluate(() => new Promise<boolean>((resolve) => {
      const req = indexedDB.open('pp-add-text', 1);
      req.onsuccess = () => {
        const get = req.result.transaction('recovery').objectStore('recovery').get('latest');
        get.onsuccess = () => resolve(get.result !== undefined);
        get.onerror = () => resolve(false);
      };
      req.onerror = () => resolve(false);
    })), { timeout: 10_000 }).toBe(true);
    page.on('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => textBox(page).inputValue()).toBe('Do not lose me');
    expect(await page.locator('.tb-dirty').count()).toBe(1);
  });

  it('asks before another image replaces unsaved work, and keeps the work when the user says no', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(400, 300), 'first.png');
    await textBox(page).fill('Unsaved words');
    await blur(page);
    const questions: string[] = [];
    page.once('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.getByLabel('Image file').first().setInputFiles({ name: 'second.png', mimeType: 'image/png', buffer: await solidPng(300, 300) });
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toContain('not saved');
    expect(await page.locator('.tb-title').textContent()).toContain('first.png');
    expect(await textBox(page).inputValue()).toBe('Unsaved words');
    page.once('dialog', (d) => void d.accept());
    await openImage(page, await solidPng(300, 300), 'second.png');
  });

  it('opens an image dropped on the editor or pasted from the clipboard', async () => {
    const page = await editorPage();
    const dropped = (await solidPng(320, 200)).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      document.querySelector('.editor')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, dropped);
    await expect.poll(() => page.locator('.tb-title').textContent()).toContain('dropped.png');
    const pasted = (await solidPng(210, 110)).toString('base64');
    await page.evaluate((b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'image.png', { type: 'image/png' }));
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, pasted);
    await expect.poll(() => page.locator('.tb-title').textContent()).toContain('210 × 110');
  });

  it('uses a font loaded from a file, and refuses a file that is not a font', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(600, 300));
    const font = readFileSync(join(import.meta.dirname, '../../../node_modules/@fontsource/bebas-neue/files/bebas-neue-latin-400-normal.woff2'));
    await page.getByLabel('Font file').setInputFiles({ name: 'My_Poster-Font.woff2', mimeType: 'font/woff2', buffer: font });
    await expect.poll(() => page.getByLabel('Font', { exact: true }).inputValue()).toBe('My Poster Font');
    expect(await page.evaluate(() => document.fonts.check('20px "My Poster Font"'))).toBe(true);
    await page.getByLabel('Font file').setInputFiles({ name: 'fake.ttf', mimeType: 'font/ttf', buffer: Buffer.from('not a font at all') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('not a font');
    expect(await page.getByLabel('Font', { exact: true }).inputValue()).toBe('My Poster Font');
  });

  it('hidden layers are left out of the export and locked layers ignore the arrow keys', async () => {
    const page = await editorPage();
    await openImage(page, await solidPng(500, 300));
    await page.getByRole('button', { name: 'Hide Text 1' }).click();
    const hidden = await readPixels(await exportViaButton(page, harness));
    expect(hidden.count(0, 0, 500, 300, isWhite)).toBe(0);
    await page.getByRole('button', { name: 'Show Text 1' }).click();
    await page.getByRole('button', { name: 'Lock Text 1' }).click();
    await page.locator('.layer-name').first().click();
    expect(await page.locator('.layer-row.selected').count()).toBe(1);
    const before = (await readPixels(await exportViaButton(page, harness))).bounds(isWhite)!;
    await page.keyboard.press('Shift+ArrowDown');
    const after = (await readPixels(await exportViaButton(page, harness))).bounds(isWhite)!;
    expect(after).toEqual(before);
  });

  it('made no network requests at all while doing everything above', async () => {
    expect(harness.foreignRequests).toEqual([]);
  });
});
