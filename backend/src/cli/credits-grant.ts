import { openForCommand, fail, options } from './args.ts';
import { adminGrant } from '../credits/admin-grant.ts';

// `npm run credits:grant -- --user <id|email> --amount 50 --reason "…" [--promo CODE | --campaign KEY] [--key K]`
const args = options(['user', 'amount', 'reason', 'promo', 'campaign', 'key']);
if (!args.user || !args.amount || !args.reason) fail('usage: npm run credits:grant -- --user <id|email> --amount <credits> --reason <text> [--promo CODE | --campaign KEY] [--key KEY]');
const { db, ledger } = openForCommand();
const result = adminGrant(db, ledger, {
  user: args.user,
  amount: Number(args.amount),
  reason: args.reason,
  promo: args.promo,
  campaign: args.campaign,
  key: args.key,
});
db.close();
if (!result.ok) fail(result.message, 1);
console.log(result.applied ? `granted ${result.amount} credits to ${result.userId} (key ${result.key})` : `already granted earlier under key ${result.key}; nothing changed`);
