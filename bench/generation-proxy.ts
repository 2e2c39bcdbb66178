import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createFalClient } from '@fal-ai/client';
import { findTool } from '../backend/src/generation/catalog.ts';
import { originRewritingFetch } from '../backend/src/generation/fal-client.ts';

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

/** Starts one side in a child process and resolves with the JSON line it prints when ready. */
function startServer<T>(role: 'fal' | 'backend', env: Record<string, string> = {}): Promise<{ child: ChildProcess; info: T }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/generation-proxy-server.ts', role], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} server exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, info: JSON.parse(line) as T }));
  });
}

/**
 * Proxy overhead: POST /v1/generations (auth, validation, pricing, idempotency record, credit
 * hold, fal submit through the real client, state update) beside calling the fal stand-in's
 * submit directly with the same client, at 1, 16 and 64 concurrent clients. The stand-in, the
 * backend and this load generator each run in their own process.
 */
export async function generationProxyOverhead(): Promise<string[]> {
  const fal = await startServer<{ url: string; env: Record<string, string> }>('fal');
  const backend = await startServer<{ url: string; tokens: string[] }>('backend', fal.info.env);
  const direct = createFalClient({ credentials: 'bench', fetch: originRewritingFetch(fal.info.url, 15_000) });
  const plan = findTool(BODY.tool)!.plan(BODY.input);
  const users = backend.info.tokens.map((t) => `Bearer ${t}`);
  let keys = 0;
  const viaBackend = async (i: number) => {
    const res = await fetch(`${backend.info.url}/v1/generations`, {
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
    const stopped = (c: ChildProcess) => new Promise((r) => (c.exitCode === null ? (c.once('exit', r), c.kill('SIGTERM')) : r(undefined)));
    await stopped(backend.child);
    await stopped(fal.child);
  }
  lines.push('', `${REQUESTS_PER_LEVEL} submits per level after ${WARMUP} warm-up calls each; load generator, backend and fal stand-in in three processes on one machine.`);
  return lines;
}
