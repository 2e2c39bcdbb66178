import type { BackendStatus } from '../shared/ipc-types.ts';
import type { BackendClient } from './backend-client.ts';

interface HealthBody {
  status: string;
  version: string;
  sandbox?: boolean;
}

/**
 * Knows whether the backend answers /health, rechecks on a timer, and tells listeners when
 * the answer changes (the header's live status pill).
 */
export function createBackendStatusMonitor(deps: {
  client: BackendClient;
  baseUrl: () => string;
  now: () => number;
  setInterval: (fn: () => void, ms: number) => { unref?: () => void };
  clearInterval: (handle: unknown) => void;
  intervalMs?: number;
}) {
  let status: BackendStatus = { state: 'checking', url: deps.baseUrl(), checkedAt: deps.now() };
  const listeners = new Set<(s: BackendStatus) => void>();
  let timer: unknown;

  async function check(): Promise<BackendStatus> {
    const url = deps.baseUrl();
    const res = await deps.client.request<HealthBody>('GET', '/health', { timeoutMs: 3_000 });
    const next: BackendStatus =
      res.ok && res.body?.status === 'ok'
        ? { state: 'connected', url, version: String(res.body.version), sandbox: res.body.sandbox === true, checkedAt: deps.now() }
        : { state: 'unreachable', url, message: res.ok ? 'The service answered unexpectedly.' : res.error.message, checkedAt: deps.now() };
    const changed = next.state !== status.state || next.url !== status.url;
    status = next;
    if (changed) for (const l of listeners) l(status);
    return status;
  }

  return {
    current: () => status,
    check,
    onChange(listener: (s: BackendStatus) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      void check();
      const handle = deps.setInterval(() => void check(), deps.intervalMs ?? 15_000);
      handle.unref?.();
      timer = handle;
    },
    stop() {
      if (timer !== undefined) deps.clearInterval(timer);
      timer = undefined;
    },
  };
}

export type BackendStatusMonitor = ReturnType<typeof createBackendStatusMonitor>;
