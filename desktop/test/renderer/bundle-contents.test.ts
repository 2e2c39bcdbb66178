import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('the built renderer', () => {
  it('does not carry the schema library: the quick window loads only what it needs', () => {
    const dir = join('out/renderer/assets');
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const withZod = scripts.filter((f) => readFileSync(join(dir, f), 'utf8').includes('ZodError'));
    expect(withZod).toEqual([]);
  });
});
