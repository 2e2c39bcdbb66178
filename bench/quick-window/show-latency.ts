import { performance } from 'node:perf_hooks';
import { startTestBackend } from '../../backend/test/helpers/backend.ts';
import { startRendererHarness } from '../../desktop/test/harness/renderer-harness.ts';

const RUNS = 40;
const now = () => performance.timeOrigin + performance.now();

function summary(label: string, ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `| ${label} | ${s.length} | ${at(0.5).toFixed(1)} ms | ${at(0.95).toFixed(1)} ms | ${s.at(-1)!.toFixed(1)} ms |`;
}

/**
 * Time from "show the quick window" to its prompt focused and painted, in Chromium: the
 * pre-created popup page waits blurred (or frozen, as a hidden window's renderer may be);
 * main's quickWindowShown event arrives through the harness's IPC stand-in; the clock stops
 * when the prompt is the focused element and the frame after focusing has been painted
 * (second requestAnimationFrame). The OS's own window-mapping time is not in this number.
 */
export async function quickWindowShowLatency(): Promise<string[]> {
  const backend = await startTestBackend({ PP_LOG_LEVEL: 'warn' }, { sandbox: true });
  const harness = await startRendererHarness({ backendUrl: backend.url });
  try {
    const page = await harness.open('quick');
    await page.getByLabel('Prompt').waitFor();
    const cdp = await harness.context.newCDPSession(page);
    // Registered after the app's own listener, so it runs once the app has moved focus.
    await page.evaluate(`
      window.__ppShown = undefined;
      window.pp.windows.onShown(() => {
        const el = document.activeElement;
        const ok = el && el.getAttribute('aria-label') === 'Prompt' && el.getBoundingClientRect().height > 0;
        requestAnimationFrame(() => requestAnimationFrame(() => { window.__ppShown = ok ? performance.timeOrigin + performance.now() : -1; }));
      });
    `);
    const measure = async (frozen: boolean): Promise<number> => {
      await page.evaluate(`document.activeElement && document.activeElement.blur(); window.__ppShown = undefined;`);
      if (frozen) await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      const start = now();
      if (frozen) await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await harness.emit('quickWindowShown', { shownAt: start });
      await page.waitForFunction(() => (window as unknown as { __ppShown?: number }).__ppShown !== undefined, undefined, { polling: 'raf' });
      const done = (await page.evaluate('window.__ppShown')) as number;
      if (done < 0) throw new Error('the prompt was not focused after show');
      return done - start;
    };
    const warm: number[] = [];
    const thawed: number[] = [];
    for (let i = 0; i < 5; i++) await measure(false);
    for (let i = 0; i < RUNS; i++) warm.push(await measure(false));
    for (let i = 0; i < RUNS; i++) thawed.push(await measure(true));
    return [
      '| quick window shown from | runs | median | p95 | max |',
      '| --- | ---: | ---: | ---: | ---: |',
      summary('hidden, renderer idle (blurred)', warm),
      summary('hidden, renderer frozen then resumed', thawed),
    ];
  } finally {
    await harness.close();
    await backend.stop();
  }
}
