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
  // Browser-side code: typechecked by tsconfig.browser-tests.json, so not imported by name here.
  { name: 'editor', run: async () => ((await import(EDITOR_BENCH)) as { editorBench(): Promise<string[]> }).editorBench() },
];
