import { expect } from 'vitest';
import { reconcileLedger } from '../../src/credits/reconcile.ts';
import { startFalStandIn, type FalStandIn } from '../../src/sandbox/fal-stand-in.ts';
import { call, signInTestUser, startTestBackend, type TestBackend } from './backend.ts';

export interface GenerationRig {
  fal: FalStandIn;
  backend: TestBackend;
  stop(): Promise<void>;
}

/** The real backend pointed at a fal stand-in, exactly as sandbox mode wires them. */
export async function startGenerationRig(env: Record<string, string> = {}, opts: { databasePath?: string; now?: () => number } = {}): Promise<GenerationRig> {
  const fal = await startFalStandIn();
  fal.setBehaviour({ queueMs: 30, runMs: 120, steps: 4 });
  const backend = await startTestBackend({ ...fal.env, ...env }, opts);
  return {
    fal,
    backend,
    async stop() {
      await backend.stop();
      await fal.close();
    },
  };
}

/** A signed-in user (terms accepted) with `credits` in the wallet. */
export async function fundedUser(backend: TestBackend, credits: number, opts: { acceptTerms?: boolean } = {}) {
  const user = await signInTestUser(backend, opts);
  if (credits > 0) {
    backend.deps.ledger.grant({ userId: user.userId, amount: credits, key: `test-grant:${user.userId}`, kind: 'promo', from: 'promo', description: 'Test credits' });
  }
  return user;
}

let keyCounter = 0;
export const newKey = () => `test-key-${Date.now()}-${++keyCounter}`;

export function generate(backend: TestBackend, auth: Record<string, string>, body: unknown, key: string | null = newKey()) {
  return call(backend.url, 'POST', '/v1/generations', { json: body, headers: { ...auth, ...(key === null ? {} : { 'idempotency-key': key }) } });
}

export const balance = async (backend: TestBackend, auth: Record<string, string>) => (await call(backend.url, 'GET', '/v1/credits', { headers: auth })).json as { balance: number; held: number; available: number };

/** Polls GET until the generation reaches a final status (the backend's tracker does the work). */
export async function waitForFinal(backend: TestBackend, auth: Record<string, string>, id: string, limitMs = 20_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    const res = await call(backend.url, 'GET', `/v1/generations/${id}`, { headers: auth });
    if (['succeeded', 'failed', 'canceled'].includes(res.json?.status)) return res.json;
    if (Date.now() > until) throw new Error(`generation ${id} did not finish: ${res.text}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function waitFor(predicate: () => boolean | Promise<boolean>, what: string, limitMs = 20_000) {
  const until = Date.now() + limitMs;
  while (!(await predicate())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Reads a Server-Sent Events stream until the server ends it, returning every `generation`
 * event's object; `onEvent` sees each one as it arrives (to act mid-stream).
 */
export async function readGenerationEvents(backend: TestBackend, auth: Record<string, string>, id: string, onEvent?: (e: Record<string, any>) => void) {
  const res = await fetch(`${backend.url}/v1/generations/${id}/events`, { headers: { ...auth, accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: Array<Record<string, any>> = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body!) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      if (!lines.includes('event: generation')) continue;
      const event = JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)) as Record<string, any>;
      events.push(event);
      onEvent?.(event);
    }
  }
  return events;
}

export function expectLedgerConsistent(backend: TestBackend) {
  const report = reconcileLedger(backend.deps.db);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
}
