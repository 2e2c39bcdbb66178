import { z } from 'zod';

/** A credit pack as sold through Polar; credits are whole numbers. */
export const creditPackSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'pack ids are lowercase letters, digits, _ and -'),
  product_id: z.string().min(1),
  credits: z.number().int().positive(),
  label: z.string().min(1).max(80),
});
export type CreditPack = z.infer<typeof creditPackSchema>;

const SAMPLE_PACKS: CreditPack[] = [
  { id: 'starter', product_id: 'sandbox-product-starter', credits: 100, label: 'Starter — 100 credits' },
  { id: 'creator', product_id: 'sandbox-product-creator', credits: 500, label: 'Creator — 500 credits' },
  { id: 'studio', product_id: 'sandbox-product-studio', credits: 2000, label: 'Studio — 2,000 credits' },
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

const isLoopbackUrl = (value: string): boolean => {
  try {
    return LOOPBACK_HOSTS.has(new URL(value).hostname);
  } catch {
    return false;
  }
};

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const positiveNumber = (fallback: number) =>
  z.coerce.number({ error: 'must be a number' }).positive('must be greater than 0').default(fallback);

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PP_HOST: z.string().min(1).default('127.0.0.1'),
    PP_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(8787),
    PP_PUBLIC_URL: httpUrl.optional(),
    PP_DATABASE: z.string().min(1).default('./data/promptpixels.sqlite'),
    PP_OIDC_ISSUER: httpUrl.default('https://accounts.google.com'),
    GOOGLE_CLIENT_ID: optionalSecret,
    GOOGLE_CLIENT_SECRET: optionalSecret,
    POLAR_ACCESS_TOKEN: optionalSecret,
    POLAR_WEBHOOK_SECRET: optionalSecret.refine((v) => v === undefined || v.startsWith('whsec_'), {
      message: 'must start with whsec_',
    }),
    PP_POLAR_API_URL: httpUrl.optional(),
    PP_CREDIT_PACKS: z.string().optional(),
    FAL_KEY: optionalSecret,
    PP_FAL_ORIGIN: httpUrl.optional(),
    PP_SIGNUP_CREDITS: z.coerce.number({ error: 'must be a whole number' }).int().min(0).default(10),
    PP_RATE_LIMIT_SCALE: positiveNumber(1),
    PP_HOLD_TTL_S: positiveNumber(900),
    PP_RESULT_TTL_S: positiveNumber(3600),
    PP_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
    PP_LOG_DIR: z.string().min(1).optional(),
    PP_SPEND_LIMIT_HOUR: z.coerce.number({ error: 'must be a whole number' }).int().positive().default(1_000),
    PP_SPEND_LIMIT_DAY: z.coerce.number({ error: 'must be a whole number' }).int().positive().default(5_000),
    PP_NEW_ACCOUNT_DAILY_LIMIT: z.coerce.number({ error: 'must be a whole number' }).int().positive().default(30),
    PP_DISABLED_TOOLS: z.string().default(''),
    PP_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Characters (issue 7): training's own hold (it runs for minutes) and the photo zip's lifetime on fal.
    PP_TRAINING_HOLD_TTL_S: positiveNumber(7200),
    PP_TRAINING_PHOTOS_TTL_S: positiveNumber(1800),
  })
  .superRefine((env, ctx) => {
    if (env.PP_OIDC_ISSUER.startsWith('http:') && !isLoopbackUrl(env.PP_OIDC_ISSUER)) {
      ctx.addIssue({ code: 'custom', path: ['PP_OIDC_ISSUER'], message: 'plain http is allowed only for loopback hosts' });
    }
    if (env.PP_FAL_ORIGIN && env.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['PP_FAL_ORIGIN'], message: 'is for tests and sandbox only, not production' });
    }
  });

export type Config = ReturnType<typeof parseConfig>;

export class ConfigError extends Error {}

/** Parses the environment of API.md into a typed config; throws ConfigError with a one-line reason. */
export function parseConfig(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const name = first?.path.join('.') || 'environment';
    throw new ConfigError(`invalid configuration: ${name} ${first?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PP_PUBLIC_URL ?? `http://${e.PP_HOST}:${e.PP_PORT}`).replace(/\/+$/, '');
  return {
    env: e.NODE_ENV,
    host: e.PP_HOST,
    port: e.PP_PORT,
    publicUrl,
    databasePath: e.PP_DATABASE,
    logLevel: e.PP_LOG_LEVEL,
    /** Where technical log files go (one per day, deleted after 90 days); stdout only when unset. */
    logDir: e.PP_LOG_DIR,
    trustProxy: e.PP_TRUST_PROXY === '1' || e.PP_TRUST_PROXY === 'true',
    oidc: { issuer: e.PP_OIDC_ISSUER, clientId: e.GOOGLE_CLIENT_ID, clientSecret: e.GOOGLE_CLIENT_SECRET },
    polar: {
      accessToken: e.POLAR_ACCESS_TOKEN,
      webhookSecret: e.POLAR_WEBHOOK_SECRET,
      apiUrl: e.PP_POLAR_API_URL,
      packs: parsePacks(e.PP_CREDIT_PACKS),
    },
    fal: { key: e.FAL_KEY, origin: e.PP_FAL_ORIGIN },
    signupCredits: e.PP_SIGNUP_CREDITS,
    spendLimits: { perHour: e.PP_SPEND_LIMIT_HOUR, perDay: e.PP_SPEND_LIMIT_DAY, beforeFirstPurchasePerDay: e.PP_NEW_ACCOUNT_DAILY_LIMIT },
    disabledTools: new Set(e.PP_DISABLED_TOOLS.split(',').map((t) => t.trim()).filter(Boolean)) as ReadonlySet<string>,
    rateLimitScale: e.PP_RATE_LIMIT_SCALE,
    holdTtlSeconds: e.PP_HOLD_TTL_S,
    resultTtlSeconds: e.PP_RESULT_TTL_S,
    trainingHoldTtlSeconds: e.PP_TRAINING_HOLD_TTL_S,
    trainingPhotosTtlSeconds: e.PP_TRAINING_PHOTOS_TTL_S,
  };
}

function parsePacks(raw: string | undefined): CreditPack[] {
  if (raw === undefined || raw.trim() === '') return SAMPLE_PACKS;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('invalid configuration: PP_CREDIT_PACKS is not valid JSON');
  }
  const packs = z.array(creditPackSchema).min(1).safeParse(json);
  if (!packs.success) {
    const issue = packs.error.issues[0];
    throw new ConfigError(`invalid configuration: PP_CREDIT_PACKS[${issue?.path.join('.')}] ${issue?.message}`);
  }
  const ids = new Set(packs.data.map((p) => p.id));
  if (ids.size !== packs.data.length) throw new ConfigError('invalid configuration: PP_CREDIT_PACKS has duplicate ids');
  return packs.data;
}
