/// <reference path="../types/oidc-provider.d.ts" />
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, Next } from 'koa';
import Provider, { type Configuration } from 'oidc-provider';
import getRawBody from 'raw-body';
import { escapeHtml, renderPage } from '../http/html.ts';
import type { StandIn, StandInContext } from './stand-ins.ts';

/** The people you can sign in as in sandbox mode and tests. `sub` values are stable. */
export interface TestAccount {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  picture?: string;
}

export const TEST_ACCOUNTS: TestAccount[] = [
  { sub: 'sandbox-ada', email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
  { sub: 'sandbox-grace', email: 'grace@example.com', email_verified: true, name: 'Grace Hopper' },
  { sub: 'sandbox-unverified', email: 'unverified@example.com', email_verified: false, name: 'Unverified Email' },
];

export interface OidcStandIn extends StandIn {
  clientId: string;
  clientSecret: string;
}

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 standing in for Google: discovery,
 * authorization with PKCE, a token endpoint with client secrets and Google-like ID tokens that
 * carry email, email_verified, name and picture. Its login page is clearly marked SANDBOX.
 */
export async function startOidcStandIn(ctx: StandInContext, opts: { accounts?: TestAccount[]; port?: number } = {}): Promise<OidcStandIn> {
  const accounts = opts.accounts ?? TEST_ACCOUNTS;
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'promptpixels-sandbox';
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'sandbox-1', use: 'sig', alg: 'RS256' };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${ctx.backendUrl}/auth/google/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'picture'] },
    // Google puts the profile claims into the ID token itself; the backend reads them there.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Grant: 3600, Interaction: 600, Session: 3600 },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, id) {
      const account = accounts.find((a) => a.sub === id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ ...account }) };
    },
    async renderError(koaCtx, out) {
      koaCtx.type = 'html';
      koaCtx.body = renderPage({ title: 'Sandbox sign-in error', heading: 'SANDBOX sign-in error', body: `<p>${escapeHtml(String(out.error_description ?? out.error))}</p>` });
    },
  };
  const provider = new Provider(issuer, configuration);
  provider.use(interactionPages(provider, accounts));
  server.on('request', provider.callback());

  return {
    name: 'Google sign-in',
    url: issuer,
    clientId,
    clientSecret,
    env: { PP_OIDC_ISSUER: issuer, GOOGLE_CLIENT_ID: clientId, GOOGLE_CLIENT_SECRET: clientSecret },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The account picker: pick a test account, which signs in and grants the requested scopes. */
function interactionPages(provider: Provider, accounts: TestAccount[]) {
  return async (ctx: Context, next: Next) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/.exec(ctx.path);
    if (!match) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (ctx.method === 'GET' && !match[2]) {
      const buttons = accounts
        .map(
          (a) => `<form method="post" action="/interaction/${escapeHtml(details.uid)}/login">
<input type="hidden" name="account" value="${escapeHtml(a.sub)}">
<button class="button" type="submit" data-account="${escapeHtml(a.sub)}" style="display:block;width:100%;margin:.5rem 0;padding:.7rem;border-radius:10px;border:1px solid #8884;background:transparent;color:inherit;font:inherit;cursor:pointer">
<strong>${escapeHtml(a.name)}</strong><br><small>${escapeHtml(a.email)}${a.email_verified ? '' : ' (email not verified)'}</small></button></form>`,
        )
        .join('');
      ctx.type = 'html';
      ctx.body = renderPage({
        title: 'SANDBOX sign-in',
        heading: 'SANDBOX: choose a test account',
        body: `<p>This is PromptPixels' local stand-in for Google. No real account is used.</p>${buttons}`,
      });
      return;
    }
    if (ctx.method === 'POST' && match[2]) {
      const form = new URLSearchParams((await getRawBody(ctx.req, { limit: 4096 })).toString('utf8'));
      const account = accounts.find((a) => a.sub === form.get('account'));
      if (!account) {
        ctx.status = 400;
        ctx.body = 'unknown test account';
        return;
      }
      const clientId = String(details.params.client_id);
      const grant = new provider.Grant({ accountId: account.sub, clientId });
      grant.addOIDCScope(String(details.params.scope ?? 'openid'));
      const grantId = await grant.save();
      await provider.interactionFinished(ctx.req, ctx.res, { login: { accountId: account.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
      ctx.respond = false;
      return;
    }
    ctx.status = 405;
  };
}
