import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFalClient } from '@fal-ai/client';
import { createSession } from '../backend/src/auth/sessions.ts';
import { upsertUserFromClaims } from '../backend/src/auth/users.ts';
import { parseConfig } from '../backend/src/config.ts';
import { findTool } from '../backend/src/generation/catalog.ts';
import { originRewritingFetch } from '../backend/src/generation/fal-client.ts';
import { createLogger } from '../backend/src/http/logging.ts';
import { startFalStandIn } from '../backend/src/sandbox/fal-stand-in.ts';
import { startBackend } from '../backend/src/server.ts';

const LEVELS = [1, 16, 64];
const REQUESTS_PER_LEVEL = 640;
const WARMUP = 64;
const BODY = { tool: 'text-to-image/flux-schnell', input: { prompt: 'a lighthouse on a cliff at dusk', aspect_ratio: '4:3' } };

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Runs `total` calls of `one` with `concurrency` clients; returns sorted latencies (ms) and calls per second. */
async function drive(concurrency: number, total: number, one: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await one(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { sorted: latencies.sort((a, b) => a - b), perSecond: total / seconds };
}

/**
 * Proxy overhead: POST /v1/generations (auth, validation, pricing, idempotency record, credit
 * hold, fal submit through the real client, state update) beside calling the fal stand-in's
 * submit directly with the same client, at 1, 16 and 64 concurrent clients.
 */
export async function generationProxyOverhead(): Promise<string[]> {
  const fal = await startFalStandIn();
  fal.setBehaviour({ manual: true, queueMs: 0, runMs: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'));
  const config = parseConfig({ NODE_ENV: 'test', PP_PORT: '0', PP_DATABASE: join(dir, 'bench.sqlite'), ...fal.env });
  // The tracker is off so only the submit path is measured; it is a separate periodic job.
  const backend = await startBackend(config, createLogger('silent'), { jobs: false });
  const direct = createFalClient({ credentials: 'bench', fetch: originRewritingFetch(fal.url, 15_000) });
  const plan = findTool(BODY.tool)!.plan(BODY.input);

  const users = Array.from({ length: 64 }, (_, i) => {
    const now = Date.now();
    const { user } = upsertUserFromClaims(backend.deps.db, { issuer: 'https://bench.invalid', subject: `bench-${i}`, email: `b${i}@example.com`, emailVerified: true }, now);
    backend.deps.db.prepare('UPDATE users SET terms_accepted_at = ? WHERE id = ?').run(now, user.id);
    backend.deps.ledger.grant({ userId: user.id, amount: 1_000_000, key: `bench:${user.id}`, kind: 'promo', from: 'promo', description: 'Bench credits' });
    return `Bearer ${createSession(backend.deps.db, user.id, 'bench', now).accessToken}`;
  });
  let keys = 0;
  const viaBackend = async (i: number) => {
    const res = await fetch(`${backend.url}/v1/generations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: users[i % users.length]!, 'idempotency-key': `bench-${++keys}` },
      body: JSON.stringify(BODY),
    });
    if (res.status !== 202) throw new Error(`backend answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  };
  const viaDirect = async () => {
    await direct.queue.submit(plan.endpoint, { input: plan.falInput, storageSettings: { expiresIn: 3600 } });
  };

  const lines = [
    '| clients | direct p50 | direct p99 | direct submits/s | backend p50 | backend p99 | backend submits/s | added p50 | added p99 |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  try {
    await drive(8, WARMUP, viaDirect);
    await drive(8, WARMUP, viaBackend);
    for (const c of LEVELS) {
      const d = await drive(c, REQUESTS_PER_LEVEL, viaDirect);
      const b = await drive(c, REQUESTS_PER_LEVEL, viaBackend);
      const f = (n: number) => `${n.toFixed(1)} ms`;
      lines.push(
        `| ${c} | ${f(pct(d.sorted, 50))} | ${f(pct(d.sorted, 99))} | ${d.perSecond.toFixed(0)} | ${f(pct(b.sorted, 50))} | ${f(pct(b.sorted, 99))} | ${b.perSecond.toFixed(0)} | ${f(pct(b.sorted, 50) - pct(d.sorted, 50))} | ${f(pct(b.sorted, 99) - pct(d.sorted, 99))} |`,
      );
    }
  } finally {
    await backend.close();
    await fal.close();
    rmSync(dir, { recursive: true, force: true });
  }
  lines.push('', `${REQUESTS_PER_LEVEL} submits per level after ${WARMUP} warm-up calls each; client, backend and stand-in share one machine (and its 2 cores).`);
  return lines;
}
