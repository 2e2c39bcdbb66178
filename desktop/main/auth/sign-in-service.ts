import type { Account, AuthState, Device } from '../../shared/auth-types.ts';
import { openStreamWithToken } from '../generation/sse.ts';
import { notSignedIn, type AuthorizedBackend } from '../authorized-backend.ts';
import type { BackendClient, BackendRequestInit, BackendResponse } from '../backend-client.ts';
import { parseDeepLink } from './deep-link.ts';
import { createSignInSecrets } from './pkce.ts';
import type { SecretStore } from './secret-store.ts';

/** A sign-in started in the browser may be finished within this time. */
export const PENDING_TTL_MS = 10 * 60 * 1000;
/** Access tokens are renewed this long before the server would refuse them. */
const EXPIRY_MARGIN_MS = 60 * 1000;

export interface SignInServiceDeps {
  client: BackendClient;
  backendUrl: () => string;
  /** The checked path to the system browser; answers false when the URL was refused. */
  openInBrowser: (url: string) => Promise<boolean>;
  secrets: SecretStore;
  now: () => number;
  deviceName: string;
  /** For the event stream; the global fetch when absent. */
  fetch?: typeof fetch;
  log?: (message: string) => void;
}

interface MeJson {
  id: string;
  email: string | null;
  contact_email?: string | null;
  name: string | null;
  avatar_url: string | null;
  created_at: string;
  terms_accepted_at: string | null;
  consents: Record<string, unknown>;
}

interface TokenJson {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  session_id: string;
  user: MeJson;
}

export const toAccount = (me: MeJson): Account => ({
  id: me.id,
  email: me.email,
  contactEmail: me.contact_email ?? me.email,
  name: me.name,
  avatarUrl: me.avatar_url,
  createdAt: me.created_at,
  termsAcceptedAt: me.terms_accepted_at,
  consents: me.consents,
});

export type DeepLinkOutcome = 'signed_in' | 'failed' | 'ignored' | 'not_auth';

/**
 * Sign-in, session and account for the desktop app. The access token lives only in this
 * object (main's memory); the refresh token lives in the SecretStore. It implements
 * AuthorizedBackend for every signed-in feature, with one shared refresh on 401.
 */
export function createSignInService(deps: SignInServiceDeps) {
  const pending = new Map<string, { verifier: string; expiresAt: number }>();
  const listeners = new Set<(state: AuthState) => void>();
  let state: AuthState = { status: 'restoring' };
  let access: { token: string; expiresAt: number; sessionId: string } | undefined;
  let hasSession = false;
  let refreshing: Promise<boolean> | undefined;

  const setState = (next: AuthState) => {
    state = next;
    for (const l of listeners) l(state);
  };

  async function adoptTokens(tokens: TokenJson): Promise<void> {
    access = { token: tokens.access_token, expiresAt: deps.now() + tokens.expires_in * 1000, sessionId: tokens.session_id };
    hasSession = true;
    try {
      await deps.secrets.set(tokens.refresh_token);
    } catch (err) {
      deps.log?.(`could not store the refresh token: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function wipeLocal(): Promise<void> {
    access = undefined;
    hasSession = false;
    try {
      await deps.secrets.delete();
    } catch (err) {
      deps.log?.(`could not delete the stored session: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** Trades the stored refresh token for a new pair; false when the session is over (or unreachable). */
  function refresh(): Promise<boolean> {
    refreshing ??= (async () => {
      try {
        const stored = await deps.secrets.get();
        if (!stored) {
          await wipeLocal();
          return false;
        }
        const res = await deps.client.request<TokenJson>('POST', '/auth/token', { body: { grant_type: 'refresh_token', refresh_token: stored } });
        if (res.ok) {
          await adoptTokens(res.body);
          if (state.status === 'signed_in' || state.status === 'restoring') setState({ status: 'signed_in', user: toAccount(res.body.user) });
          return true;
        }
        if (res.error.status === 400 || res.error.status === 401) {
          await wipeLocal();
          setState({ status: 'signed_out', error: { code: 'session_ended', message: 'Your session ended. Sign in again.' } });
        }
        return false;
      } finally {
        refreshing = undefined;
      }
    })();
    return refreshing;
  }

  const unreachable: BackendResponse<never> = {
    ok: false,
    error: { status: 0, code: 'backend_unreachable', message: 'The PromptPixels service cannot be reached. Check your connection.' },
  };

  const authorized: AuthorizedBackend = {
    isSignedIn: () => hasSession,
    async request<T>(method: string, path: string, init: BackendRequestInit = {}) {
      if (!hasSession) return notSignedIn;
      if (!access || access.expiresAt - EXPIRY_MARGIN_MS <= deps.now()) {
        if (!(await refresh())) return hasSession ? unreachable : notSignedIn;
      }
      const send = (token: string) => deps.client.request<T>(method, path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
      const token = access!.token;
      const first = await send(token);
      if (first.ok || first.error.status !== 401) return first;
      // Another call may have refreshed while this one was in flight; then just retry.
      if (access?.token === token && !(await refresh())) return hasSession ? first : notSignedIn;
      return access ? send(access.token) : notSignedIn;
    },
  };

  /**
   * Server-Sent Events as the signed-in user (generation progress): the same fresh access
   * token the authorized requests use; undefined when signed out or refused, so callers poll.
   */
  async function openEventStream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array> | undefined> {
    if (!hasSession) return undefined;
    if (!access || access.expiresAt - EXPIRY_MARGIN_MS <= deps.now()) {
      if (!(await refresh())) return undefined;
    }
    return openStreamWithToken(`${deps.backendUrl()}${path}`, access!.token, signal, deps.fetch);
  }

  return {
    authorized,
    openEventStream,
    getState: () => state,
    onChange(listener: (state: AuthState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** On app start: resumes a stored session, if any. */
    async restore(): Promise<void> {
      let stored: string | undefined;
      try {
        stored = await deps.secrets.get();
      } catch {
        stored = undefined;
      }
      if (!stored) return setState({ status: 'signed_out' });
      hasSession = true;
      setState({ status: 'restoring' });
      if (!(await refresh()) && hasSession) setState({ status: 'signed_in', user: null });
    },

    /** Opens the system browser at the backend's start page; the deep link finishes the job. */
    async startSignIn(): Promise<{ ok: true } | { ok: false; error: { code: string; message: string } }> {
      const secrets = createSignInSecrets();
      const expiresAt = deps.now() + PENDING_TTL_MS;
      pending.set(secrets.state, { verifier: secrets.verifier, expiresAt });
      const url = `${deps.backendUrl()}/auth/google/start?${new URLSearchParams({ challenge: secrets.challenge, state: secrets.state })}`;
      if (!(await deps.openInBrowser(url))) {
        pending.delete(secrets.state);
        const error = { code: 'refused', message: 'The browser could not be opened for sign-in.' };
        setState({ status: 'signed_out', error });
        return { ok: false, error };
      }
      setState({ status: 'waiting', startedAt: deps.now(), expiresAt });
      return { ok: true };
    },

    cancelSignIn(): void {
      pending.clear();
      if (state.status === 'waiting') setState({ status: 'signed_out' });
    },

    /** Every deep link goes through here; only an auth callback with a state we issued acts. */
    async handleDeepLink(raw: string): Promise<DeepLinkOutcome> {
      const parsed = parseDeepLink(raw);
      if (!parsed.ok) {
        deps.log?.(`deep link ignored: ${parsed.reason}`);
        return 'ignored';
      }
      if (parsed.link.route !== 'auth/callback') return 'not_auth';
      const attempt = pending.get(parsed.link.state);
      if (!attempt || attempt.expiresAt <= deps.now()) {
        pending.delete(parsed.link.state);
        deps.log?.('deep link ignored: sign-in state not issued by this app (or expired)');
        return 'ignored';
      }
      pending.clear();
      setState({ status: 'completing' });
      const res = await deps.client.request<TokenJson>('POST', '/auth/token', {
        body: { grant_type: 'handoff', code: parsed.link.code, code_verifier: attempt.verifier, device_name: deps.deviceName },
      });
      if (!res.ok) {
        const message = res.error.code === 'invalid_grant' ? 'That sign-in link expired. Try again.' : res.error.message;
        setState({ status: 'signed_out', error: { code: res.error.code, message } });
        return 'failed';
      }
      await adoptTokens(res.body);
      setState({ status: 'signed_in', user: toAccount(res.body.user) });
      return 'signed_in';
    },

    /** Ends the session on the server (best effort) and wipes everything held locally. */
    async signOut(): Promise<void> {
      // Through the authorized path, so an expired access token is refreshed first and the
      // server session really ends; offline, the local wipe still happens.
      if (hasSession) await authorized.request('POST', '/auth/logout');
      pending.clear();
      await wipeLocal();
      setState({ status: 'signed_out' });
    },

    async getAccount(): Promise<BackendResponse<Account>> {
      const res = await authorized.request<MeJson>('GET', '/v1/me');
      if (!res.ok) return res;
      const user = toAccount(res.body);
      if (state.status === 'signed_in') setState({ status: 'signed_in', user });
      return { ok: true, status: res.status, body: user };
    },

    async updateAccount(patch: { name?: string; contact_email?: string | null; accept_terms?: true; age_confirmed?: boolean }): Promise<BackendResponse<Account>> {
      const res = await authorized.request<MeJson>('PATCH', '/v1/me', { body: patch });
      if (!res.ok) return res;
      const user = toAccount(res.body);
      if (hasSession) setState({ status: 'signed_in', user });
      return { ok: true, status: res.status, body: user };
    },

    async listDevices(): Promise<BackendResponse<Device[]>> {
      const res = await authorized.request<{ items: { id: string; device_name: string; created_at: string; last_used_at: string; current: boolean }[] }>('GET', '/v1/me/sessions');
      if (!res.ok) return res;
      return {
        ok: true,
        status: res.status,
        body: res.body.items.map((d) => ({ id: d.id, deviceName: d.device_name, createdAt: d.created_at, lastUsedAt: d.last_used_at, current: d.current })),
      };
    },

    async revokeDevice(id: string): Promise<BackendResponse<{ signedOut: boolean }>> {
      const current = access?.sessionId === id;
      const res = await authorized.request<null>('DELETE', `/v1/me/sessions/${encodeURIComponent(id)}`);
      if (!res.ok) return res;
      if (current) {
        await wipeLocal();
        setState({ status: 'signed_out' });
      }
      return { ok: true, status: res.status, body: { signedOut: current } };
    },
  };
}

export type SignInService = ReturnType<typeof createSignInService>;
