import { reconcilePolarOrders } from '../billing/reconcile-orders.ts';
import { billingSettings } from '../billing/polar.ts';
import { reconcileLedger } from '../credits/reconcile.ts';
import { fail, openForCommand, options } from './args.ts';

// `npm run billing:reconcile -- --since 2026-11-01`: grants paid Polar orders the webhooks missed.
const args = options(['since']);
const since = new Date(args.since ?? '');
if (!args.since || Number.isNaN(since.getTime())) fail('usage: npm run billing:reconcile -- --since <date, e.g. 2026-11-01>');
const { config, db, ledger } = openForCommand();
const settings = billingSettings(config);
if (!settings) fail('billing is not configured: set POLAR_ACCESS_TOKEN and POLAR_WEBHOOK_SECRET');
try {
  const report = await reconcilePolarOrders({ db, ledger, config, now: Date.now }, settings.polar, since);
  console.log(`checked ${report.checked} paid order(s) since ${since.toISOString()}`);
  for (const id of report.granted) console.log(`  + granted order ${id} (missed by webhooks)`);
  for (const id of report.refunded) console.log(`  − applied refund of order ${id}`);
  for (const s of report.skipped) console.log(`  ! order ${s.id} not granted: ${s.state} (${s.reason})`);
  const ledgerReport = reconcileLedger(db);
  console.log(ledgerReport.ok ? 'the ledger reconciles' : `ledger problems: ${ledgerReport.problems.join('; ')}`);
  process.exitCode = ledgerReport.ok ? 0 : 1;
} catch (err) {
  fail(`could not list orders from Polar: ${err instanceof Error ? err.message : String(err)}`, 1);
} finally {
  db.close();
}
