import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const doc = readFileSync('docs/privacy.md', 'utf8');
const table = /<!-- privacy-table:begin -->([\s\S]*?)<!-- privacy-table:end -->/.exec(doc)?.[1] ?? '';
const rows = table
  .split('\n')
  .filter((l) => l.startsWith('|') && !l.startsWith('| ---') && !l.startsWith('| promise'))
  .map((l) => l.split('|').map((c) => c.trim()));

describe('docs/privacy.md stays true', () => {
  it('lists promises', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it.each(rows.map((r) => [r[1]!, r] as const))('"%s" names code that exists and a test that exists', (_promise, row) => {
    const code = [...row[2]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.split(' ')[0]!);
    expect(code.length).toBeGreaterThan(0);
    for (const file of code) expect(existsSync(file), file).toBe(true);
    const tests = [...row[3]!.matchAll(/`([^`]+) › ([^`]+)`/g)];
    expect(tests.length).toBeGreaterThan(0);
    for (const [, file, name] of tests) {
      expect(existsSync(file!), file).toBe(true);
      const source = readFileSync(file!, 'utf8');
      const quoted = [`'${name}'`, `"${name}"`, `\`${name}\``].some((q) => source.includes(q));
      expect(quoted, `${file} has a test named "${name}"`).toBe(true);
    }
  });
});
