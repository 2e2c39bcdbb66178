import { startFalStandIn, type FalStandIn } from '../../../backend/src/sandbox/fal-stand-in.ts';
import { signInTestUser, startTestBackend, type TestBackend } from '../../../backend/test/helpers/backend.ts';

/**
 * The real backend with generation configured against the real fal stand-in (the same one
 * sandbox mode uses), plus a signed-in user holding `credits`.
 */
export interface GenerationBackend {
  backend: TestBackend;
  fal: FalStandIn;
  user: Awaited<ReturnType<typeof signInTestUser>>;
  grant(amount: number): void;
  stop(): Promise<void>;
}

export async function startGenerationBackend(opts: { credits?: number; sandbox?: boolean; env?: Record<string, string> } = {}): Promise<GenerationBackend> {
  const fal = await startFalStandIn();
  fal.setBehaviour({ queueMs: 150, runMs: 400, steps: 4 });
  const backend = await startTestBackend({ ...fal.env, PP_RATE_LIMIT_SCALE: '100', PP_LOG_LEVEL: 'warn', ...opts.env }, { sandbox: opts.sandbox ?? false });
  const user = await signInTestUser(backend);
  let grants = 0;
  const grant = (amount: number) =>
    void backend.deps.ledger.grant({ userId: user.userId, amount, key: `test:${user.userId}:${grants++}`, kind: 'promo', from: 'promo', description: 'Test credits' });
  if ((opts.credits ?? 100) > 0) grant(opts.credits ?? 100);
  return {
    backend,
    fal,
    user,
    grant,
    async stop() {
      await backend.stop();
      await fal.close();
    },
  };
}
