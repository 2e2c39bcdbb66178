import { createFalClient, type FalClient } from '@fal-ai/client';
import type { Config } from '../config.ts';

/** Every call to fal gives up after this long; the tracker simply tries again on its next pass. */
export const FAL_CALL_TIMEOUT_MS = 15_000;

/**
 * A fetch that sends `https://HOST/PATH?Q` to `ORIGIN/HOST/PATH?Q`. The fal client hard-codes
 * its hosts and ignores a string proxyUrl in Node; a fetch override is the one hook that also
 * sees the raw upload PUT (notes/fal.md).
 */
export function originRewritingFetch(origin: string | undefined, timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  const target = origin?.replace(/\/+$/, '');
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const rewritten = target && url.protocol === 'https:' ? `${target}/${url.host}${url.pathname}${url.search}` : url.toString();
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return base(rewritten, { ...init, signal });
  };
}

/** The one fal client of a backend, built from config; undefined without FAL_KEY. */
export function createFalFromConfig(config: Config, timeoutMs = FAL_CALL_TIMEOUT_MS): FalClient | undefined {
  if (!config.fal.key) return undefined;
  return createFalClient({
    credentials: config.fal.key,
    fetch: originRewritingFetch(config.fal.origin, timeoutMs),
  });
}

const clients = new WeakMap<Config, FalClient | undefined>();

/** The client for this config, created on first use (routes and the tracker share it). */
export function falFor(config: Config): FalClient | undefined {
  if (!clients.has(config)) clients.set(config, createFalFromConfig(config));
  return clients.get(config);
}
