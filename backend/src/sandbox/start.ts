import type { Logger } from 'pino';
import { parseConfig } from '../config.ts';
import { startBackend, type RunningBackend } from '../server.ts';
import { standInFactories, type StandIn } from './stand-ins.ts';

/** Keys that mean real cloud accounts are configured: sandbox mode refuses to start beside them. */
const REAL_SECRETS = ['GOOGLE_CLIENT_SECRET', 'POLAR_ACCESS_TOKEN', 'POLAR_WEBHOOK_SECRET', 'FAL_KEY'] as const;

export class SandboxRefused extends Error {}

export function assertSandboxAllowed(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV === 'production') throw new SandboxRefused('sandbox mode never runs with NODE_ENV=production');
  const real = REAL_SECRETS.filter((k) => (env[k] ?? '').trim() !== '');
  if (real.length > 0) throw new SandboxRefused(`sandbox mode refuses to start while real keys are set: ${real.join(', ')}`);
}

export interface Sandbox {
  backend: RunningBackend;
  standIns: StandIn[];
  close(): Promise<void>;
}

/**
 * Starts the local stand-ins for Google, Polar and fal, then the real backend pointed at them.
 * The backend reports `sandbox: true` on /health and the app labels itself accordingly.
 */
export async function startSandbox(env: Record<string, string | undefined>, log: Logger): Promise<Sandbox> {
  assertSandboxAllowed(env);
  const base = parseConfig(env);
  const standIns: StandIn[] = [];
  try {
    for (const factory of standInFactories) standIns.push(await factory({ backendUrl: base.publicUrl }));
    const merged = { ...env, ...Object.assign({}, ...standIns.map((s) => s.env)) } as Record<string, string | undefined>;
    const backend = await startBackend(parseConfig(merged), log, { sandbox: true });
    for (const s of standIns) log.info({ standIn: s.name, url: s.url }, `sandbox stand-in for ${s.name} (not the real service)`);
    return {
      backend,
      standIns,
      async close() {
        await backend.close();
        for (const s of standIns.reverse()) await s.close();
      },
    };
  } catch (err) {
    for (const s of standIns.reverse()) await s.close();
    throw err;
  }
}
