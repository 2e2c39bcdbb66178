/**
 * Benchmarks `npm run bench` runs. Each returns Markdown lines for docs/benchmarks.md;
 * targets are stated beside the numbers, never asserted in timed tests.
 */
export interface BenchSuite {
  name: string;
  run(): Promise<string[]>;
}

const EDITOR_BENCH: string = './editor/editor-bench.ts';

export const suites: BenchSuite[] = [
  { name: 'bundle', run: async () => (await import('./bundle-size.ts')).bundleSize() },
  { name: 'ledger', run: async () => (await import('./ledger-throughput.ts')).ledgerThroughput() },
  // Tray, quick generate and preferences (issue 9). Typechecked with the browser tests (it drives Chromium).
  { name: 'quick-window', run: async () => ((await import(new URL('./quick-window/show-latency.ts', import.meta.url).href)) as { quickWindowShowLatency: () => Promise<string[]> }).quickWindowShowLatency() },
  { name: 'generation-proxy', run: async () => (await import('./generation-proxy.ts')).generationProxyOverhead() },
  // Browser-side code: typechecked by tsconfig.browser-tests.json, so not imported by name here.
  { name: 'editor', run: async () => ((await import(EDITOR_BENCH)) as { editorBench(): Promise<string[]> }).editorBench() },
];
