import Router from '@koa/router';
import type { Context } from 'koa';
import * as client from 'openid-client';
import { z } from 'zod';
import type { AppDeps } from '../app.ts';
import { ApiError, HTML_ERRORS, badRequest } from '../http/errors.ts';
import { readJson } from '../http/body.ts';
import { claimAttempt, createAttempt, issueHandoffCode, redeemHandoffCode, ATTEMPT_TTL_MS } from './handoff.ts';
import { requireUser } from './middleware.ts';
import { toMeJson } from './me-json.ts';
import { authNotConfigured, createOidcClient } from './oidc-client.ts';
import { renderOpenAppPage, renderSignInProblemPage } from './pages.ts';
import { createSession, revokeSession, rotateRefreshToken, type IssuedTokens } from './sessions.ts';
import { findUserById, upsertUserFromClaims, type UserRow } from './users.ts';

const COOKIE = 'pp_signin';
const CALLBACK_PATH = '/auth/google/callback';
const DEEP_LINK = 'promptpixels://auth/callback';

const base64url43 = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be base64url(SHA-256(verifier)): 43 characters');
const startQuery = z.object({
  challenge: base64url43,
  state: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/, 'must be 16–128 base64url characters'),
});

const deviceName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'must not contain control characters');

const tokenRequest = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('handoff'),
    code: z.string().min(1).max(200),
    code_verifier: z.string().regex(/^[A-Za-z0-9._~-]{43,128}$/, 'must be an RFC 7636 code verifier'),
    device_name: deviceName.optional(),
  }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1).max(200) }),
]);

const invalidGrant = (message: string) => new ApiError(400, 'invalid_grant', message);

/** /auth/google/start, /auth/google/callback, /auth/token and /auth/logout as API.md describes. */
export function signInRoutes(deps: AppDeps): Router {
  const { db, config, log, now } = deps;
  const oidc = createOidcClient(config);
  const secureCookie = config.publicUrl.startsWith('https:');
  const router = new Router();

  const setAttemptCookie = (ctx: Context, value: string, maxAgeS: number) => {
    ctx.append(
      'Set-Cookie',
      `${COOKIE}=${value}; Path=${CALLBACK_PATH}; Max-Age=${maxAgeS}; HttpOnly; SameSite=Lax${secureCookie ? '; Secure' : ''}`,
    );
  };

  const htmlErrors = async (ctx: Context, next: () => Promise<unknown>) => {
    (ctx.state as Record<symbol, unknown>)[HTML_ERRORS] = true;
    await next();
  };

  router.get('/auth/google/start', htmlErrors, async (ctx) => {
    if (!oidc) throw authNotConfigured();
    const query = startQuery.safeParse(ctx.query);
    if (!query.success) throw badRequest('This sign-in link is not valid. Start signing in from the PromptPixels app.');
    const configuration = await oidc.configuration();
    const providerCodeVerifier = client.randomPKCECodeVerifier();
    const providerState = client.randomState();
    const providerNonce = client.randomNonce();
    const cookie = createAttempt(
      db,
      { providerState, providerNonce, providerCodeVerifier, appChallenge: query.data.challenge, appState: query.data.state },
      now(),
    );
    setAttemptCookie(ctx, cookie, ATTEMPT_TTL_MS / 1000);
    const target = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(providerCodeVerifier),
      code_challenge_method: 'S256',
      state: providerState,
      nonce: providerNonce,
    });
    ctx.status = 303;
    ctx.redirect(target.href);
  });

  router.get(CALLBACK_PATH, htmlErrors, async (ctx) => {
    if (!oidc) throw authNotConfigured();
    const problem = (status: number, heading: string, message: string) => {
      ctx.status = status;
      ctx.type = 'html';
      ctx.body = renderSignInProblemPage(heading, message);
    };
    const cookie = ctx.cookies.get(COOKIE);
    // The attempt is over whatever happens next: the cookie is cleared on every answer.
    setAttemptCookie(ctx, '', 0);
    if (!cookie) {
      return problem(400, 'This sign-in has expired', 'This page was opened without the sign-in that started it (it expired, or was opened in another browser).');
    }
    const claim = claimAttempt(db, cookie, now());
    if (!claim.ok) {
      const heading = claim.reason === 'used' ? 'This sign-in was already used' : 'This sign-in has expired';
      return problem(400, heading, 'Each sign-in link works once and for a few minutes.');
    }
    if (typeof ctx.query.error === 'string') {
      return problem(400, 'Sign-in was canceled', 'Google did not sign you in, so nothing changed.');
    }
    const configuration = await oidc.configuration();
    const attempt = claim.attempt;
    let claims: client.IDToken | undefined;
    try {
      const currentUrl = new URL(`${config.publicUrl}${CALLBACK_PATH}${ctx.querystring ? `?${ctx.querystring}` : ''}`);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: attempt.provider_code_verifier,
        expectedState: attempt.provider_state,
        expectedNonce: attempt.provider_nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (err) {
      log.warn({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, 'sign-in callback refused');
      return problem(400, 'Sign-in did not finish', 'Google could not confirm this sign-in.');
    }
    if (!claims?.sub) return problem(400, 'Sign-in did not finish', 'Google did not say who you are.');
    const str = (v: unknown) => (typeof v === 'string' && v.length > 0 && v.length <= 2048 ? v : undefined);
    // The account and its signup grant commit together: if the grant fails, so does this
    // sign-in (and the next attempt creates the account and grants again), never an account
    // that silently missed its credits.
    const user = db.transaction(() => {
      const { user: row, created } = upsertUserFromClaims(
        db,
        {
          issuer: claims.iss,
          subject: claims.sub,
          email: str(claims.email),
          emailVerified: claims.email_verified === true,
          name: str(claims.name),
          picture: str(claims.picture)?.startsWith('https://') ? str(claims.picture) : undefined,
        },
        now(),
      );
      if (created) {
        deps.onAccountCreated?.({ id: row.id, emailVerified: row.email_verified === 1, issuer: row.oidc_issuer, subject: row.oidc_subject });
      }
      return row;
    })();
    const code = issueHandoffCode(db, user.id, attempt.app_challenge, now());
    const deepLink = `${DEEP_LINK}?${new URLSearchParams({ code, state: attempt.app_state }).toString()}`;
    ctx.type = 'html';
    ctx.body = renderOpenAppPage(deepLink, ctx.state.cspNonce as string);
  });

  router.post('/auth/token', async (ctx) => {
    const body = await readJson(ctx, tokenRequest);
    let tokens: IssuedTokens;
    let user: UserRow;
    if (body.grant_type === 'handoff') {
      const userId = redeemHandoffCode(db, body.code, body.code_verifier, now());
      if (!userId) throw invalidGrant('This sign-in code is not valid any more. Sign in again.');
      user = findUserById(db, userId)!;
      tokens = createSession(db, userId, body.device_name ?? 'Desktop app', now());
    } else {
      const outcome = rotateRefreshToken(db, body.refresh_token, now());
      if (!outcome.ok) {
        if (outcome.reason === 'unknown') throw invalidGrant('This session is not valid. Sign in again.');
        if (outcome.reason === 'reused') log.warn('refresh token reused: session revoked');
        throw new ApiError(401, 'unauthorized', 'This session has ended. Sign in again.');
      }
      user = findUserById(db, outcome.userId)!;
      tokens = outcome.tokens;
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      token_type: 'Bearer',
      expires_in: tokens.expiresIn,
      session_id: tokens.sessionId,
      user: toMeJson(user),
    };
  });

  router.post('/auth/logout', (ctx) => {
    const auth = requireUser(ctx);
    revokeSession(db, auth.sessionId, 'signed_out', now());
    ctx.status = 204;
  });

  return router;
}
