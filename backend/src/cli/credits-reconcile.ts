import { reconcileLedger } from '../credits/reconcile.ts';
import { openForCommand } from './args.ts';

// `npm run credits:reconcile`: proves the ledger adds up; exits 1 when it does not.
const { db } = openForCommand();
const report = reconcileLedger(db);
db.close();
console.log(`${report.accounts} accounts, ${report.transactions} transactions: ${report.ok ? 'the ledger reconciles' : `${report.problems.length} problem(s)`}`);
for (const p of report.problems) console.log(`  ✗ ${p}`);
process.exit(report.ok ? 0 : 1);
