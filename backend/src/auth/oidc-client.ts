import * as client from 'openid-client';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';

/**
 * The backend's OpenID client for the Google leg (or the sandbox's stand-in). Discovery runs
 * on first use and is retried after a failure, so a backend started while the issuer was
 * unreachable recovers by itself.
 */
export interface OidcClient {
  configuration(): Promise<client.Configuration>;
  redirectUri: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function createOidcClient(config: Config): OidcClient | undefined {
  const { issuer, clientId, clientSecret } = config.oidc;
  if (!clientId || !clientSecret) return undefined;
  let pending: Promise<client.Configuration> | undefined;
  const issuerUrl = new URL(issuer);
  const insecureLoopback = issuerUrl.protocol === 'http:' && LOOPBACK.has(issuerUrl.hostname);
  return {
    redirectUri: `${config.publicUrl}/auth/google/callback`,
    configuration() {
      pending ??= client
        .discovery(issuerUrl, clientId, undefined, client.ClientSecretPost(clientSecret), {
          execute: insecureLoopback ? [client.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch(() => {
          pending = undefined;
          throw new ApiError(503, 'provider_unavailable', 'Google sign-in cannot be reached right now. Try again in a moment.');
        });
      return pending;
    },
  };
}

export const authNotConfigured = () =>
  new ApiError(503, 'auth_not_configured', 'Sign-in is not set up on this PromptPixels server yet.');
