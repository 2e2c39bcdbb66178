import { createServer } from 'node:net';
import { startPolarStandIn, type PolarStandIn } from '../../src/sandbox/polar-stand-in.ts';
import { startTestBackend, type TestBackend } from './backend.ts';

export interface BillingRig {
  backend: TestBackend;
  polar: PolarStandIn;
  stop(): Promise<void>;
}

/** The real backend pointed at the Polar stand-in, with the stand-in's webhooks aimed back at it. */
export async function startBillingRig(
  env: Record<string, string | undefined> = {},
  opts: Parameters<typeof startTestBackend>[1] = {},
): Promise<BillingRig> {
  const polar = await startPolarStandIn({ backendUrl: 'http://127.0.0.1:1' });
  // The return URL Polar redirects to must name the backend's real port, so pick it first.
  const port = await freePort();
  const backend = await startTestBackend({ ...polar.env, PP_PORT: String(port), PP_PUBLIC_URL: `http://127.0.0.1:${port}`, ...env }, { jobs: false, ...opts });
  polar.setWebhookTarget(`${backend.url}/webhooks/polar`);
  return {
    backend,
    polar,
    async stop() {
      await backend.stop();
      await polar.close();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
