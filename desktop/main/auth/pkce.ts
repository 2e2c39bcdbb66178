import { createHash, randomBytes } from 'node:crypto';

/**
 * The app's side of the handoff: a PKCE pair binding the one-time code to this app instance
 * (another program that grabs the deep link cannot redeem it), and a state that lets the app
 * ignore callbacks it did not ask for (stops login injection).
 */
export interface SignInSecrets {
  verifier: string;
  challenge: string;
  state: string;
}

export function createSignInSecrets(): SignInSecrets {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    challenge: createHash('sha256').update(verifier, 'ascii').digest('base64url'),
    state: randomBytes(32).toString('base64url'),
  };
}
