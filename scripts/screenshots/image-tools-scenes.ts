import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { Scene, SceneContext } from './scenes.ts';

/** A small landscape with a flat sky (so background removal has something to key out). */
async function landscape(width = 640, height = 420): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="100%" height="100%" fill="#8ec9f0"/>
  <circle cx="${width * 0.78}" cy="${height * 0.24}" r="${height * 0.1}" fill="#ffd35a"/>
  <polygon points="0,${height * 0.75} ${width * 0.28},${height * 0.35} ${width * 0.5},${height * 0.7} ${width * 0.7},${height * 0.42} ${width},${height * 0.78} ${width},${height} 0,${height}" fill="#3d6b4f"/>
  <rect y="${height * 0.82}" width="100%" height="${height * 0.18}" fill="#2f5540"/>
  <rect x="${width * 0.44}" y="${height * 0.6}" width="${width * 0.12}" height="${height * 0.16}" fill="#b5573b"/>
  <polygon points="${width * 0.42},${height * 0.6} ${width * 0.5},${height * 0.5} ${width * 0.58},${height * 0.6}" fill="#6e2f22"/>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function openImage(page: Page, tool: string): Promise<void> {
  await page.getByRole('tab', { name: tool, exact: true }).click();
  await page.locator(`[role="tab"][aria-selected="true"]`, { hasText: tool }).waitFor();
  await page.getByLabel('Open an image file').setInputFiles({ name: 'valley.png', mimeType: 'image/png', buffer: await landscape() });
  await page.getByTestId('image-tool-price').waitFor({ timeout: 30_000 });
  await page.mouse.move(1, 1);
}

async function runTool(page: Page, { fal }: SceneContext, tool: string): Promise<void> {
  fal.setBehaviour({ queueMs: 100, runMs: 300, steps: 4 });
  await openImage(page, tool);
  await page.keyboard.press('Control+Enter');
  await page.locator('.job-status[data-job-status="succeeded"]').waitFor({ timeout: 30_000 });
  await page.getByLabel('Compare before and after').fill('45');
  for (let i = 0; i < 100 && !(await page.getByRole('img', { name: 'After' }).evaluate((el: HTMLImageElement) => el.complete)); i++) await page.waitForTimeout(100);
  await page.mouse.move(1, 1);
}

const ready = async (page: Page) => void (await page.getByRole('tab', { name: 'Upscale ×2' }).waitFor());

export const imageToolsScenes: Scene[] = [
  { name: 'image-tools-empty', kind: 'main', hash: '#/tools', prepare: ready },
  { name: 'image-tools-price', kind: 'main', hash: '#/tools', prepare: async (page) => (await ready(page), openImage(page, 'Enhance')) },
  { name: 'image-tools-upscaled', kind: 'main', hash: '#/tools', prepare: async (page, ctx) => (await ready(page), runTool(page, ctx, 'Upscale ×2')) },
  { name: 'image-tools-background-removed', kind: 'main', hash: '#/tools', prepare: async (page, ctx) => (await ready(page), runTool(page, ctx, 'Remove background')) },
  { name: 'image-tools-style-dark', kind: 'main', hash: '#/tools', colorScheme: 'dark', prepare: async (page, ctx) => (await ready(page), runTool(page, ctx, 'Style transfer')) },
  {
    name: 'image-tools-edit',
    kind: 'main',
    hash: '#/tools',
    prepare: async (page, ctx) => {
      await ready(page);
      await page.getByRole('tab', { name: 'AI edit', exact: true }).click();
      await page.getByLabel('What to change').fill('make it night');
      await runTool(page, ctx, 'AI edit');
    },
  },
];
