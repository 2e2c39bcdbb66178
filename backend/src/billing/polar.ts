import { createPolar } from '@polar-sh/sdk/2026-10';
import type { Config } from '../config.ts';
import { ApiError } from '../http/errors.ts';

/** The Polar API client (SDK 1.x, API version 2026-10) the backend uses. */
export type PolarApi = ReturnType<typeof createPolar>;

export interface BillingSettings {
  polar: PolarApi;
  webhookSecret: string;
}

/**
 * The Polar client when billing is configured (both the token and the webhook secret), else
 * undefined: a half-configured backend could take money without ever hearing it was paid.
 */
export function billingSettings(config: Config): BillingSettings | undefined {
  const { accessToken, webhookSecret, apiUrl } = config.polar;
  if (!accessToken || !webhookSecret) return undefined;
  // Polar wants an answer within seconds; a slow API must not hold the desktop's request long.
  return { polar: createPolar({ accessToken, timeout: 10, ...(apiUrl ? { baseUrl: apiUrl.replace(/\/+$/, '') } : {}) }), webhookSecret };
}

export function requireBilling(settings: BillingSettings | undefined): BillingSettings {
  if (!settings) throw new ApiError(503, 'billing_not_configured', 'Buying credits is not available on this server yet.');
  return settings;
}
