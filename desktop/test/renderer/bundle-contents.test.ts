import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The scripts a window loads at start: its HTML's scripts and module preloads (not lazy chunks). */
function startupScripts(page: string): string[] {
  const html = readFileSync(join('out/renderer', page), 'utf8');
  return [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('the built renderer', () => {
  it('does not carry the schema library at start-up: windows load only what they need', () => {
    for (const page of ['index.html', 'quick.html']) {
      const scripts = startupScripts(page);
      expect(scripts.length, page).toBeGreaterThan(0);
      const withZod = scripts.filter((f) => readFileSync(join('out/renderer', f), 'utf8').includes('ZodError'));
      expect(withZod, page).toEqual([]);
    }
  });

  it('keeps the Add Text editor (Konva) out of the start-up scripts', () => {
    for (const page of ['index.html', 'quick.html']) {
      for (const f of startupScripts(page)) expect(readFileSync(join('out/renderer', f), 'utf8'), `${page}: ${f}`).not.toContain('Konva');
    }
  });
});
