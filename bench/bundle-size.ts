import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size of what the main window loads at start (its HTML's scripts and styles). */
export async function bundleSize(): Promise<string[]> {
  const dir = 'out/renderer';
  const lines = ['| renderer entry | files loaded at start | raw | gzip |', '| --- | --- | ---: | ---: |'];
  for (const entry of ['index.html', 'quick.html']) {
    const html = readFileSync(join(dir, entry), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
    let raw = 0;
    let gz = 0;
    for (const a of assets) {
      const bytes = readFileSync(join(dir, a));
      raw += bytes.length;
      gz += gzipSync(bytes, { level: 9 }).length;
    }
    lines.push(`| ${entry} | ${assets.length} | ${(raw / 1024).toFixed(1)} KiB | ${(gz / 1024).toFixed(1)} KiB |`);
  }
  const all = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'));
  lines.push('', `Lazy chunks not loaded at start: ${all.length - 3 > 0 ? all.length - 3 : 0}.`);
  return lines;
}
