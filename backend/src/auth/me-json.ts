import { consentsFromColumn, type Consents } from '../privacy/consents.ts';
import type { UserRow } from './users.ts';

export interface MeJson {
  id: string;
  email: string | null;
  /** Where we write to the user: their own choice, else the verified sign-in email. */
  contact_email: string | null;
  name: string | null;
  avatar_url: string | null;
  created_at: string;
  terms_accepted_at: string | null;
  consents: Consents;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The account as API.md's GET /v1/me shows it (timestamps as ISO 8601). */
export function toMeJson(user: UserRow): MeJson {
  return {
    id: user.id,
    email: user.email,
    contact_email: user.contact_email ?? user.email,
    name: user.name,
    avatar_url: user.avatar_url,
    created_at: iso(user.created_at),
    terms_accepted_at: user.terms_accepted_at === null ? null : iso(user.terms_accepted_at),
    consents: consentsFromColumn(user.consents),
  };
}
