import type { Page } from 'playwright-core';
import sharp from 'sharp';
import type { Scene } from './scenes.ts';

/** A photo-like picture drawn locally (sky, sun, hills), so screenshots need no downloads. */
export function samplePhoto(width = 1600, height = 1067): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1600 1067">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2b3a8c"/><stop offset="0.55" stop-color="#e0716b"/><stop offset="1" stop-color="#f7c873"/></linearGradient>
      <radialGradient id="sun" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#fff6d8"/><stop offset="1" stop-color="#ffd27a" stop-opacity="0"/></radialGradient>
    </defs>
    <rect width="1600" height="1067" fill="url(#sky)"/>
    <circle cx="1100" cy="620" r="260" fill="url(#sun)"/>
    <path d="M0 760 C 300 640 520 700 760 760 S 1300 640 1600 720 L1600 1067 L0 1067Z" fill="#3b2f5c"/>
    <path d="M0 860 C 260 780 600 840 900 880 S 1400 800 1600 860 L1600 1067 L0 1067Z" fill="#231c3d"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer();
}

async function openSample(page: Page): Promise<void> {
  await page.getByLabel('Image file').first().setInputFiles({ name: 'sunset.jpg', mimeType: 'image/jpeg', buffer: await samplePhoto() });
  await page.getByRole('toolbar', { name: 'Editor' }).waitFor();
}

const settle = (page: Page) => page.waitForTimeout(300);
// Clicking the title (not focusable) moves focus off the field, as a user would.
const blur = (page: Page) => page.locator('.tb-title').click();

async function severalLayers(page: Page): Promise<void> {
  await openSample(page);
  await page.getByRole('button', { name: 'Meme' }).click();
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('GOLDEN HOUR');
  await blur(page);
  await page.keyboard.press('t');
  await page.getByRole('button', { name: 'Caption bar' }).click();
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('Evening over the hills, shot on a phone');
  await blur(page);
  await page.keyboard.press('t');
  await page.getByRole('button', { name: 'Watermark' }).click();
  await page.keyboard.press('t');
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('around the sun');
  const curve = page.getByRole('spinbutton', { name: 'Curve', exact: true });
  await curve.fill('120');
  await page.getByRole('spinbutton', { name: 'Size', exact: true }).fill('70');
  await blur(page);
  // Show the layer list: typing in the fields below scrolled the side panel down.
  const side = (await page.locator('.editor-side').boundingBox())!;
  await page.mouse.move(side.x + side.width / 2, side.y + 100);
  await page.mouse.wheel(0, -3000);
  await settle(page);
}

async function quotePreset(page: Page): Promise<void> {
  await openSample(page);
  await page.getByRole('button', { name: 'Quote card' }).click();
  await blur(page);
  await settle(page);
}

export const editorScenes: Scene[] = [
  { name: 'editor-empty-light', kind: 'main', hash: '#/add-text', prepare: (p) => p.getByRole('heading', { name: 'Add text to an image' }).waitFor() },
  { name: 'editor-empty-dark', kind: 'main', hash: '#/add-text', colorScheme: 'dark', prepare: (p) => p.getByRole('heading', { name: 'Add text to an image' }).waitFor() },
  { name: 'editor-layers-light', kind: 'main', hash: '#/add-text', prepare: severalLayers },
  { name: 'editor-layers-dark', kind: 'main', hash: '#/add-text', colorScheme: 'dark', prepare: severalLayers },
  { name: 'editor-preset-quote', kind: 'main', hash: '#/add-text', prepare: quotePreset },
];
