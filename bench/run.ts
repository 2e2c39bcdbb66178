import { cpus, totalmem } from 'node:os';
import { suites } from './suites.ts';

// `npm run bench [name…]`: runs the benchmarks and prints Markdown for docs/benchmarks.md.
const only = process.argv.slice(2);
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}\n`);
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  console.log(`## ${suite.name}\n`);
  for (const line of await suite.run()) console.log(line);
  console.log('');
}
