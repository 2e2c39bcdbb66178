import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTermsAccepted } from '../src/auth/terms.ts';
import { ApiError } from '../src/http/errors.ts';
import { call, signInTestUser, startTestBackend, type TestBackend } from './helpers/backend.ts';

let backend: TestBackend;
beforeAll(async () => {
  backend = await startTestBackend();
});
afterAll(() => backend.stop());

const patch = (auth: Record<string, string>, json: unknown) => call(backend.url, 'PATCH', '/v1/me', { headers: auth, json });

describe('the account', () => {
  it('accepts the terms only together with the 13+ age confirmation', async () => {
    const user = await signInTestUser(backend, { acceptTerms: false });
    expect(() => requireTermsAccepted(backend.deps.db, user.userId)).toThrow(ApiError);
    const noAge = await patch(user.auth, { accept_terms: true });
    expect(noAge.status).toBe(400);
    expect(noAge.json.error.details[0].field).toBe('age_confirmed');
    const underage = await patch(user.auth, { accept_terms: true, age_confirmed: false });
    expect(underage.status).toBe(400);
    const accepted = await patch(user.auth, { accept_terms: true, age_confirmed: true });
    expect(accepted.status).toBe(200);
    expect(accepted.json.terms_accepted_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(() => requireTermsAccepted(backend.deps.db, user.userId)).not.toThrow();
  });

  it('makes billed routes answer 403 terms_not_accepted until then', async () => {
    const user = await signInTestUser(backend, { acceptTerms: false });
    try {
      requireTermsAccepted(backend.deps.db, user.userId);
      expect.unreachable();
    } catch (err) {
      expect((err as ApiError).status).toBe(403);
      expect((err as ApiError).code).toBe('terms_not_accepted');
    }
  });

  it('renames the user and stores consents as given', async () => {
    const user = await signInTestUser(backend);
    const res = await patch(user.auth, { name: '  Ada L.  ', consents: { prompt_logging: false } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name: 'Ada L.', consents: { prompt_logging: false } });
    const me = await call(backend.url, 'GET', '/v1/me', { headers: user.auth });
    expect(me.json.name).toBe('Ada L.');
  });

  it('rejects unknown fields and bad names and changes nothing', async () => {
    const user = await signInTestUser(backend, { name: 'Kept' });
    for (const body of [{ name: '' }, { name: 'x'.repeat(81) }, { email: 'a@b.c' }, { consents: { x: 'yes' } }, { accept_terms: false }]) {
      const res = await patch(user.auth, body);
      expect(res.status).toBe(400);
    }
    expect((await call(backend.url, 'GET', '/v1/me', { headers: user.auth })).json.name).toBe('Kept');
  });

  it('answers 503 with an HTML page when the OpenID issuer cannot be reached', async () => {
    const down = await startTestBackend({ PP_OIDC_ISSUER: 'http://127.0.0.1:9', GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: 'secret' });
    try {
      const res = await call(down.url, 'GET', `/auth/google/start?challenge=${'a'.repeat(43)}&state=${'s'.repeat(22)}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toMatch(/html/);
      expect(res.text).toContain('cannot be reached');
    } finally {
      await down.stop();
    }
  });

  it('answers sign-in routes with 503 auth_not_configured without a Google client', async () => {
    const token = await call(backend.url, 'GET', '/auth/google/start?challenge=x&state=y');
    expect(token.status).toBe(503);
    expect(token.text).toContain('not set up');
    expect(token.headers.get('content-type')).toMatch(/html/);
  });
});
