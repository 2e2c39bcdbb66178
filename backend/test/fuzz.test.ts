import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileLedger } from '../src/credits/reconcile.ts';
import { signInTestUser, startTestBackend, type TestBackend } from './helpers/backend.ts';
import { listRoutes, type RouteInfo } from './helpers/routes.ts';

// Hostile and malformed requests against every route the app mounts: the backend must never
// answer 5xx (except 503 for a service that is not configured), never crash, always answer
// API errors in the JSON shape of API.md, and the ledger must still reconcile afterwards.
let backend: TestBackend;
let routes: RouteInfo[];
let goodAuth: Record<string, string>;

beforeAll(async () => {
  backend = await startTestBackend({ PP_LOG_LEVEL: 'warn' });
  routes = listRoutes(backend.app);
  const user = await signInTestUser(backend);
  goodAuth = user.auth;
  backend.deps.ledger.grant({ userId: user.userId, amount: 25, key: 'fuzz:seed', kind: 'promo', from: 'promo', description: 'fuzz' });
});
afterAll(() => backend.stop());

const isApiPath = (path: string) => /^\/(v1\/|auth\/token|auth\/logout|webhooks\/|health)/.test(path);
const NOT_CONFIGURED = /_not_configured$|^provider_unavailable$|^service_unavailable$/;

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('../../etc/passwd', '%00', "' OR 1=1 --", '<script>alert(1)</script>', '__proto__', 'constructor', '\u0000\u202e', 'ａｂｃ', '9'.repeat(400)),
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.json().map((j) => ({ type: 'application/json', data: j })),
  fc.jsonValue().map((v) => ({ type: 'application/json', data: JSON.stringify(v) })),
  fc.string({ maxLength: 200 }).map((s) => ({ type: 'application/json', data: s })),
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ type: 'image/png', data: Buffer.from(b) })),
  fc.string({ maxLength: 100 }).map((s) => ({ type: 'text/plain', data: s })),
  fc.string({ maxLength: 100 }).map((s) => ({ type: 'multipart/form-data; boundary=x', data: `--x\r\n${s}` })),
  fc.record({ __proto__: fc.constant({ polluted: true }), tool: hostileString, input: fc.object() }).map((o) => ({ type: 'application/json', data: JSON.stringify(o) })),
);

const headers = fc.record(
  {
    authorization: fc.oneof(fc.constant('GOOD'), hostileString.map((s) => `Bearer ${s}`), hostileString),
    'idempotency-key': hostileString,
    'x-forwarded-for': hostileString,
    'webhook-signature': hostileString,
  },
  { requiredKeys: [] },
);

function fillPath(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/:[A-Za-z_]+/g, () => encodeURIComponent(values[i++ % values.length] ?? 'x'));
}

describe('hostile requests against every endpoint', () => {
  it('finds the routes to attack', () => {
    expect(routes.length).toBeGreaterThan(5);
  });

  it('never answers 5xx (beyond "not configured"), and always in the JSON error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        fc.boolean(),
        fc.array(hostileString, { minLength: 1, maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 8 }), hostileString, { maxKeys: 3 }),
        headers,
        body,
        async (pick, randomMethod, useRouteMethod, params, query, hdrs, payload) => {
          const route = routes[pick % routes.length]!;
          const method = useRouteMethod ? route.methods[pick % route.methods.length]! : randomMethod;
          const qs = new URLSearchParams(query).toString();
          const url = `${backend.url}${fillPath(route.path, params)}${qs ? `?${qs}` : ''}`;
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(hdrs)) h[k] = k === 'authorization' && v === 'GOOD' ? goodAuth.authorization! : String(v).replace(/[\r\n\u0000-\u001f\u007f-\uffff]/g, '');
          if (payload) h['content-type'] = payload.type;
          const res = await fetch(url, { method, headers: h, body: method === 'GET' || !payload ? undefined : payload.data, redirect: 'manual' });
          const text = await res.text();
          const ctx = `${method} ${url} → ${res.status} ${text.slice(0, 200)}`;
          const isApi = isApiPath(new URL(url).pathname);
          if (res.status >= 500 && !isApi) {
            // Browser pages answer "not configured" as a short HTML page; nothing else 5xx.
            expect(res.status, ctx).toBe(503);
            expect(res.headers.get('content-type') ?? '', ctx).toMatch(/text\/html/);
            expect(text, ctx).not.toMatch(/\bat .*\.ts:\d+|Error: /);
          } else if (res.status >= 500) {
            const code = (() => {
              try {
                return JSON.parse(text).error.code as string;
              } catch {
                return '';
              }
            })();
            expect(res.status === 503 && NOT_CONFIGURED.test(code), ctx).toBe(true);
          }
          if (res.status >= 400 && isApiPath(new URL(url).pathname)) {
            expect(res.headers.get('content-type') ?? '', ctx).toMatch(/application\/json/);
            const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof parsed.error?.code, ctx).toBe('string');
            expect(typeof parsed.error?.message, ctx).toBe('string');
            expect(text, ctx).not.toMatch(/\bat .*\.ts:\d+|Error: /);
          }
        },
      ),
      { numRuns: 400 },
    );
    const health = await fetch(`${backend.url}/health`);
    expect(health.status).toBe(200);
    expect(reconcileLedger(backend.deps.db)).toMatchObject({ ok: true });
  });
});
