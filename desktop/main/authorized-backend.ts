import type { BackendClient, BackendRequestInit, BackendResponse } from './backend-client.ts';

/**
 * The backend as the signed-in user: every request carries the session's bearer token, which
 * stays in main. Features that need sign-in (credits, generation, privacy) depend on this
 * interface; the sign-in service implements it with refresh and keychain storage.
 */
export interface AuthorizedBackend {
  /** True while a session exists (it may still need a refresh on the next call). */
  isSignedIn(): boolean;
  /**
   * Sends the request with the access token; answers `not_signed_in` without a session.
   * A 401 triggers one silent refresh and retry before giving up.
   */
  request<T>(
    method: string,
    path: string,
    init?: BackendRequestInit,
  ): Promise<BackendResponse<T>>;
}

export const notSignedIn: BackendResponse<never> = {
  ok: false,
  error: { status: 401, code: 'not_signed_in', message: 'Sign in to use this.' },
};

/**
 * A fixed access token, no refresh: for tests and tools that already hold a session
 * (e.g. the renderer harness signed in with signInTestUser).
 */
export function createStaticTokenBackend(client: BackendClient, accessToken: string | undefined): AuthorizedBackend {
  return {
    isSignedIn: () => accessToken !== undefined,
    request: (method, path, init = {}) =>
      accessToken === undefined
        ? Promise.resolve(notSignedIn)
        : client.request(method, path, { ...init, headers: { ...init.headers, authorization: `Bearer ${accessToken}` } }),
  };
}
