/** The signed-in account as the renderer sees it (GET /v1/me, camel-cased). */
export interface Account {
  id: string;
  email: string | null;
  /** Where PromptPixels writes to the user: their choice, else the sign-in email. */
  contactEmail: string | null;
  name: string | null;
  avatarUrl: string | null;
  createdAt: string;
  termsAcceptedAt: string | null;
  consents: Record<string, unknown>;
}

export interface Device {
  id: string;
  deviceName: string;
  createdAt: string;
  lastUsedAt: string;
  current: boolean;
}

/**
 * Where sign-in stands. `waiting` means the browser is open and the app waits for the deep
 * link; `completing` means the code is being redeemed. `user` is null when signed in but the
 * service could not be reached to load the account yet.
 */
export type AuthState =
  | { status: 'restoring' }
  | { status: 'signed_out'; error?: { code: string; message: string } }
  | { status: 'waiting'; startedAt: number; expiresAt: number }
  | { status: 'completing' }
  | { status: 'signed_in'; user: Account | null };
