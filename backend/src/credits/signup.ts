import { createHash } from 'node:crypto';
import type { Ledger } from './ledger.ts';

/**
 * Signup credits, once per sign-in identity (issuer + subject), and only for verified emails.
 * The key is a hash of the identity, so erasing and re-creating an account does not grant again
 * while the ledger row (kept for tax law) names no one.
 */
export function grantSignupCredits(
  ledger: Ledger,
  input: { userId: string; issuer: string; subject: string; emailVerified: boolean; amount: number },
): { granted: number } {
  if (!input.emailVerified || input.amount <= 0) return { granted: 0 };
  const identity = createHash('sha256').update(`${input.issuer}\n${input.subject}`).digest('hex');
  const res = ledger.grant({
    userId: input.userId,
    amount: input.amount,
    key: `signup:${identity}`,
    kind: 'signup',
    from: 'signup',
    description: 'Welcome credits',
  });
  return { granted: res.applied ? input.amount : 0 };
}
