import type { UserRow } from './users.ts';

export interface MeJson {
  id: string;
  email: string | null;
  name: string | null;
  avatar_url: string | null;
  created_at: string;
  terms_accepted_at: string | null;
  consents: Record<string, unknown>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The account as API.md's GET /v1/me shows it (timestamps as ISO 8601). */
export function toMeJson(user: UserRow): MeJson {
  let consents: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(user.consents);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) consents = parsed as Record<string, unknown>;
  } catch {
    // A damaged consents column reads as "nothing consented", the safe default.
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    avatar_url: user.avatar_url,
    created_at: iso(user.created_at),
    terms_accepted_at: user.terms_accepted_at === null ? null : iso(user.terms_accepted_at),
    consents,
  };
}
