import type { Page } from 'playwright-core';
import { startTestBackend } from '../../backend/test/helpers/backend.ts';
import { startRendererHarness } from '../../desktop/test/harness/renderer-harness.ts';
import { photoLikeJpeg } from './photo.ts';

/**
 * The Add Text editor on a 24-megapixel photo in Chromium, each step beside raw canvas work on
 * the same image in the same page: opening to first render, full-resolution export, and frame
 * costs while dragging a layer with 20 layers present.
 */
const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;

type Win = Window & Record<string, unknown>;

async function timeOpen(page: Page, photo: Buffer): Promise<number> {
  // Timed inside the page, from the file input's change event to the first frame painted after
  // the stage's canvas exists, so the harness's own polling adds nothing.
  await page.evaluate(() => {
    const w = window as unknown as Win;
    w.__openEnd = 0;
    document.addEventListener(
      'change',
      () => {
        w.__openStart = performance.now();
        const poll = () => {
          if (document.querySelector('.editor-stage canvas')) requestAnimationFrame(() => (w.__openEnd = performance.now()));
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      },
      { capture: true, once: true },
    );
  });
  await page.getByLabel('Image file').first().setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo });
  await page.waitForFunction(() => ((window as unknown as Win).__openEnd as number) > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => ((window as unknown as Win).__openEnd as number) - ((window as unknown as Win).__openStart as number));
}

/** Raw canvas: decode the same bytes, draw them at view size with one line of text, next frame. */
function baselineOpen(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const bytes = (window as unknown as Win).__photo as Uint8Array<ArrayBuffer>;
    const t0 = performance.now();
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
    const canvas = document.createElement('canvas');
    canvas.width = 692;
    canvas.height = 461;
    document.body.append(canvas);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    ctx.font = 'bold 40px sans-serif';
    ctx.fillText('Your text', 200, 230);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t = performance.now() - t0;
    canvas.remove();
    bitmap.close();
    return t;
  });
}

/** The editor's export, from the click to encoded bytes handed to main (the save itself is not timed). */
async function timeExport(page: Page, format: 'png' | 'jpeg'): Promise<number> {
  await page.getByLabel('Export format').selectOption(format);
  await page.evaluate(() => {
    const w = window as unknown as Win;
    const pp = w.pp as { editor: Record<string, unknown> };
    w.__exportDone = 0;
    pp.editor.saveExportedImage = async () => {
      w.__exportDone = performance.now();
      return { ok: true, value: { saved: false } };
    };
    document.addEventListener('click', () => (w.__exportStart = performance.now()), { capture: true, once: true });
  });
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.waitForFunction(() => ((window as unknown as Win).__exportDone as number) > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => ((window as unknown as Win).__exportDone as number) - ((window as unknown as Win).__exportStart as number));
}

/** Raw canvas export: drawImage at full size, fillText with an outline, toBlob. */
function baselineExport(page: Page, format: 'png' | 'jpeg'): Promise<number> {
  return page.evaluate(async (fmt) => {
    const bytes = (window as unknown as Win).__photo as Uint8Array<ArrayBuffer>;
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    const t0 = performance.now();
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    ctx.font = 'bold 400px sans-serif';
    ctx.lineWidth = 50;
    ctx.strokeText('Your text', 1200, 2100);
    ctx.fillStyle = '#fff';
    ctx.fillText('Your text', 1200, 2100);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, fmt === 'png' ? 'image/png' : 'image/jpeg', 0.92));
    await blob!.arrayBuffer();
    const t = performance.now() - t0;
    bitmap.close();
    return t;
  }, format);
}

/** Drags the selected layer with 20 layers present; answers per-frame draw costs and frame intervals. */
async function timeDrag(page: Page): Promise<{ draw: number[]; intervals: number[] }> {
  for (let i = 0; i < 19; i++) await page.keyboard.press('t');
  await page.evaluate(() => {
    const w = window as unknown as Win;
    const Konva = w.Konva as { stages: { find: (s: string) => { drawScene: (...a: unknown[]) => unknown }[] }[] };
    const layer = Konva.stages[0]!.find('Layer')[1]!;
    const draws: number[] = [];
    const original = layer.drawScene.bind(layer);
    layer.drawScene = (...args: unknown[]) => {
      const t = performance.now();
      const r = original(...args);
      draws.push(performance.now() - t);
      return r;
    };
    const frames: number[] = [];
    const tick = (t: number) => {
      frames.push(t);
      if (w.__dragging) requestAnimationFrame(tick);
    };
    w.__draws = draws;
    w.__frames = frames;
    w.__dragging = true;
    requestAnimationFrame(tick);
  });
  const stage = (await page.locator('.editor-stage').boundingBox())!;
  const from = { x: stage.x + stage.width / 2, y: stage.y + stage.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 120; i++) {
    const a = (i / 120) * Math.PI * 2;
    await page.mouse.move(from.x + Math.sin(a) * 200, from.y + (1 - Math.cos(a)) * 80);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  return page.evaluate(() => {
    const w = window as unknown as Win;
    w.__dragging = false;
    const frames = w.__frames as number[];
    return { draw: (w.__draws as number[]).slice(), intervals: frames.slice(1).map((t, i) => t - frames[i]!) };
  });
}

/** Raw canvas: redraw 20 outlined text lines at view size once per frame, 120 frames. */
function baselineDrag(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 692;
    canvas.height = 461;
    document.body.append(canvas);
    const ctx = canvas.getContext('2d')!;
    const costs: number[] = [];
    for (let f = 0; f < 120; f++) {
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.font = 'bold 40px sans-serif';
      ctx.textAlign = 'center';
      ctx.lineJoin = 'round';
      ctx.lineWidth = 5;
      for (let i = 0; i < 20; i++) {
        const x = 346 + (i === 0 ? Math.sin(f / 10) * 100 : 0);
        ctx.strokeText('Your text', x, 230);
        ctx.fillStyle = '#fff';
        ctx.fillText('Your text', x, 230);
      }
      costs.push(performance.now() - t);
    }
    canvas.remove();
    return costs;
  });
}

export async function editorBench(): Promise<string[]> {
  const photo = await photoLikeJpeg();
  const backend = await startTestBackend({ PP_LOG_LEVEL: 'warn' });
  const harness = await startRendererHarness({ backendUrl: backend.url });
  try {
    const open: number[] = [];
    const openBase: number[] = [];
    const exp: Record<'png' | 'jpeg', number[]> = { png: [], jpeg: [] };
    const expBase: Record<'png' | 'jpeg', number[]> = { png: [], jpeg: [] };
    let drag: { draw: number[]; intervals: number[] } = { draw: [], intervals: [] };
    let dragBase: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await harness.open('main', '#/add-text');
      await page.getByRole('heading', { name: 'Add text to an image' }).waitFor();
      // tsx compiles this file with keepNames, which wraps inner functions in __name(); give the page one.
      await page.evaluate('globalThis.__name = (fn) => fn');
      // The same bytes, handed to the page once for the baselines.
      await page.evaluate((b64) => {
        (window as unknown as Win).__photo = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      }, photo.toString('base64'));
      openBase.push(await baselineOpen(page));
      open.push(await timeOpen(page, photo));
      for (const format of ['png', 'jpeg'] as const) {
        expBase[format].push(await baselineExport(page, format));
        exp[format].push(await timeExport(page, format));
      }
      if (run === RUNS - 1) {
        dragBase = await baselineDrag(page);
        drag = await timeDrag(page);
      }
      await page.close();
    }
    const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
    return [
      `6000 × 4000 photo-like JPEG (${(photo.length / 2 ** 20).toFixed(1)} MiB), Debian Chromium headless (software rendering), median of ${RUNS} runs.`,
      '',
      '| step | editor | raw canvas baseline | editor ÷ baseline |',
      '| --- | ---: | ---: | ---: |',
      `| open to first render | ${ms(median(open))} | ${ms(median(openBase))} | ${ratio(open, openBase)} |`,
      `| export full resolution, PNG | ${ms(median(exp.png))} | ${ms(median(expBase.png))} | ${ratio(exp.png, expBase.png)} |`,
      `| export full resolution, JPEG 92 | ${ms(median(exp.jpeg))} | ${ms(median(expBase.jpeg))} | ${ratio(exp.jpeg, expBase.jpeg)} |`,
      `| drag with 20 layers: draw cost per frame p50 / p95 | ${ms(pct(drag.draw, 0.5))} / ${ms(pct(drag.draw, 0.95))} | ${ms(pct(dragBase, 0.5))} / ${ms(pct(dragBase, 0.95))} | — |`,
      `| drag with 20 layers: frame interval p50 / p95 | ${ms(pct(drag.intervals, 0.5))} / ${ms(pct(drag.intervals, 0.95))} | — | — |`,
      '',
      `Drag: ${drag.draw.length} redraws of the text layer over ${drag.intervals.length} frames. Targets: export within 1.25× of the baseline; drag p95 frame ≤ 16 ms.`,
    ];
  } finally {
    await harness.close();
    await backend.stop();
  }
}
