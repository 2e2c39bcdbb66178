// Prints the plain closing line CI reads ("N passed, N failed, N skipped") from vitest's JSON
// report, and names every skipped test so a skip is never silent.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const skipped = [];
for (const file of report.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skipped.push(t.fullName ?? t.title);
  }
}
for (const name of skipped) console.log(`skipped: ${name}`);
const failed = report.numFailedTests ?? 0;
console.log(`tests: ${report.numPassedTests ?? 0} passed, ${failed} failed, ${skipped.length} skipped`);
