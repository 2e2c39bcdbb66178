import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Runs @doyensec/electronegativity over the desktop sources and fails when it reports a finding
// that docs/security.md does not justify. Findings are matched on (check, file), so moving code
// within a file does not need a new justification; a new window or new openExternal call in
// another file does.
const root = join(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const cli = join(pkgDir, 'dist/index.js');
const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
// AVAILABLE_SECURITY_FIXES fetches Electron's release list from the internet; these machines have none.
const offlineExcluded = 'AvailableSecurityFixesGlobalCheck';

interface Finding {
  check: string;
  file: string;
  location: string;
  description: string;
}

/**
 * SARIF, not CSV: the tool writes its CSV header and rows with two unawaited writeFile calls
 * (one truncating), which race and corrupt the report under load; SARIF is one write.
 */
function scan(dir: string): Finding[] {
  const out = join(mkdtempSync(join(tmpdir(), 'pp-eneg-')), 'report.sarif');
  const res = spawnSync(
    process.execPath,
    ['--require', join(import.meta.dirname, 'electronegativity-shims.cjs'), cli, '-i', join(root, dir), '-r', '-v', 'false', '-o', out, '-e', electronVersion, '-x', offlineExcluded],
    { encoding: 'utf8', cwd: root },
  );
  let sarif: Sarif;
  try {
    sarif = JSON.parse(readFileSync(out, 'utf8')) as Sarif;
  } catch {
    throw new Error(`electronegativity produced no readable report for ${dir}:\n${res.stdout}\n${res.stderr}`);
  }
  return (sarif.runs[0]?.results ?? []).map((r) => {
    const where = r.locations?.[0]?.physicalLocation;
    const uri = where?.artifactLocation?.uri ?? 'N/A';
    return {
      check: r.ruleId,
      file: `${dir}/${uri.replace(/^file:\/\/\/?/, '')}`,
      location: `${where?.region?.startLine ?? 0}:${where?.region?.startColumn ?? 0}`,
      description: r.message.text,
    };
  });
}

interface Sarif {
  runs: Array<{
    results?: Array<{
      ruleId: string;
      message: { text: string };
      locations?: Array<{ physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }>;
    }>;
  }>;
}

function justified(): Map<string, string> {
  const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');
  const block = /<!-- electronegativity:begin -->([\s\S]*?)<!-- electronegativity:end -->/.exec(doc)?.[1] ?? '';
  const map = new Map<string, string>();
  for (const row of block.split('\n')) {
    const cells = row.split('|').map((c) => c.trim());
    if (cells.length < 5 || !/^[A-Z_]+$/.test(cells[1]!.replace(/`/g, ''))) continue;
    map.set(`${cells[1]!.replace(/`/g, '')} ${cells[2]!.replace(/`/g, '')}`, cells[3]!);
  }
  return map;
}

// The whole desktop tree at once: the global checks (navigation limits, permission handler,
// CSP) need main and renderer together. Test files do not ship, so their findings are dropped.
const findings = scan('desktop').filter((f) => !f.file.startsWith('desktop/test/'));
const reasons = justified();
const unjustified = findings.filter((f) => !reasons.has(`${f.check} ${f.file}`));
for (const f of findings) {
  const mark = reasons.has(`${f.check} ${f.file}`) ? 'justified' : 'UNJUSTIFIED';
  console.log(`${mark.padEnd(11)} ${f.check} ${f.file}:${f.location} — ${f.description}`);
}
const seen = new Set(findings.map((f) => `${f.check} ${f.file}`));
for (const key of reasons.keys()) if (!seen.has(key)) console.log(`stale      ${key} is justified in docs/security.md but no longer reported`);
if (unjustified.length > 0) {
  console.error(`\nelectronegativity: ${unjustified.length} finding(s) not justified in docs/security.md`);
  process.exit(1);
}
console.log(`\nelectronegativity: ${findings.length} finding(s), all justified in docs/security.md`);
