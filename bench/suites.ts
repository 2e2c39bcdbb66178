/**
 * Benchmarks `npm run bench` runs. Each returns Markdown lines for docs/benchmarks.md;
 * targets are stated beside the numbers, never asserted in timed tests.
 */
export interface BenchSuite {
  name: string;
  run(): Promise<string[]>;
}

export const suites: BenchSuite[] = [
  { name: 'bundle', run: async () => (await import('./bundle-size.ts')).bundleSize() },
  { name: 'ledger', run: async () => (await import('./ledger-throughput.ts')).ledgerThroughput() },
];
