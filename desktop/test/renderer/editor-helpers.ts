import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { RendererHarness } from '../harness/renderer-harness.ts';

/** Driving the Add Text editor in Chromium and reading the pixels it exports. */
export interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): [number, number, number];
  /** How many pixels in the rectangle satisfy `test`. */
  count(x0: number, y0: number, x1: number, y1: number, test: (rgb: [number, number, number]) => boolean): number;
  /** The bounding box of every pixel that satisfies `test`, or null when none does. */
  bounds(test: (rgb: [number, number, number]) => boolean): { minX: number; minY: number; maxX: number; maxY: number } | null;
}

export async function readPixels(bytes: Uint8Array): Promise<Pixels> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number): [number, number, number] => {
    const i = (Math.round(y) * info.width + Math.round(x)) * 3;
    return [data[i]!, data[i + 1]!, data[i + 2]!];
  };
  return {
    width: info.width,
    height: info.height,
    at,
    count(x0, y0, x1, y1, test) {
      let n = 0;
      for (let y = Math.max(0, y0); y < Math.min(info.height, y1); y++) for (let x = Math.max(0, x0); x < Math.min(info.width, x1); x++) if (test(at(x, y))) n++;
      return n;
    },
    bounds(test) {
      let b: { minX: number; minY: number; maxX: number; maxY: number } | null = null;
      for (let y = 0; y < info.height; y++) {
        for (let x = 0; x < info.width; x++) {
          if (!test(at(x, y))) continue;
          b ??= { minX: x, minY: y, maxX: x, maxY: y };
          b.minX = Math.min(b.minX, x);
          b.maxX = Math.max(b.maxX, x);
          b.minY = Math.min(b.minY, y);
          b.maxY = Math.max(b.maxY, y);
        }
      }
      return b;
    },
  };
}

export const near = (rgb: [number, number, number], target: [number, number, number], tolerance = 40) =>
  Math.abs(rgb[0] - target[0]) + Math.abs(rgb[1] - target[1]) + Math.abs(rgb[2] - target[2]) <= tolerance;
export const WHITE: [number, number, number] = [255, 255, 255];

export const solidPng = (width: number, height: number, colour = '#808080') =>
  sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();

export async function openImage(page: Page, buffer: Buffer, name = 'photo.png', mimeType = 'image/png'): Promise<void> {
  await page.getByLabel('Image file').first().setInputFiles({ name, mimeType, buffer });
  await page.getByRole('toolbar', { name: 'Editor' }).waitFor();
  await expect.poll(() => page.locator('.tb-title').textContent()).toContain(name);
}

/** Clicks Export… and answers the bytes the save dialog stand-in wrote. */
export async function exportViaButton(page: Page, harness: RendererHarness): Promise<Uint8Array> {
  const before = harness.editorFiles.saved.length;
  await page.getByRole('button', { name: 'Export…' }).click();
  return savedFile(harness, before);
}

export async function savedFile(harness: RendererHarness, countBefore: number): Promise<Uint8Array> {
  await expect.poll(() => harness.editorFiles.saved.length, { timeout: 30_000 }).toBeGreaterThan(countBefore);
  const path = harness.editorFiles.saved[countBefore]!;
  await expect.poll(() => existsSync(path), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => readFileSync(path).length).toBeGreaterThan(0);
  return new Uint8Array(readFileSync(path));
}

/** Converts image pixels to page coordinates over the stage. */
export async function screenPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const stage = page.locator('.editor-stage');
  const box = (await stage.boundingBox())!;
  const scale = Number(await stage.getAttribute('data-scale'));
  return { x: box.x + x * scale, y: box.y + y * scale };
}

export async function setField(page: Page, label: string, value: number | string): Promise<void> {
  const input = page.getByRole('spinbutton', { name: label, exact: true });
  await input.fill(String(value));
  await input.blur();
}

export async function setSectionToggle(page: Page, section: string, on: boolean): Promise<void> {
  const box = page.locator('.props-section', { has: page.getByRole('heading', { name: section, exact: true }) }).getByRole('checkbox');
  if ((await box.isChecked()) !== on) await box.click();
}

export async function setColour(page: Page, label: string, hex: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).evaluate((el, v) => {
    const input = el as HTMLInputElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(input, v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, hex);
}

export const layerRows = (page: Page) => page.locator('.layer-row');
