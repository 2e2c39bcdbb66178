import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signInTestUser, startTestBackend, type TestBackend } from './helpers/backend.ts';

describe('bearer authentication on every route', () => {
  let backend: TestBackend;
  beforeAll(async () => {
    backend = await startTestBackend();
  });
  afterAll(() => backend.stop());

  it('answers 401 in the JSON shape for a malformed or unknown bearer token, even on public routes', async () => {
    for (const authorization of ['Bearer nope', 'Bearer ppa_' + 'x'.repeat(43), 'Basic abc', 'Bearer']) {
      const res = await call(backend.url, 'GET', '/health', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
  });

  it('lets a live session through', async () => {
    const user = await signInTestUser(backend);
    const res = await call(backend.url, 'GET', '/health', { headers: user.auth });
    expect(res.status).toBe(200);
  });

  it('never writes the bearer token to the logs', async () => {
    const user = await signInTestUser(backend);
    await call(backend.url, 'GET', '/health', { headers: user.auth });
    expect(backend.logs.join('\n')).not.toContain(user.accessToken);
  });
});

