import { falStandInFactory } from './fal-stand-in.ts';

/**
 * A local stand-in for a cloud service (Google sign-in, Polar, fal). Each one is a real server
 * on loopback that speaks the service's wire format; tests and sandbox mode use the same ones.
 */
export interface StandIn {
  name: string;
  url: string;
  /** Backend environment variables that point the backend at this stand-in. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export interface StandInContext {
  /** The URL browsers use to reach the backend (OAuth redirects, webhook targets). */
  backendUrl: string;
}

export type StandInFactory = (ctx: StandInContext) => Promise<StandIn>;

/**
 * The stand-ins sandbox mode starts, in order. Each capability (sign-in, billing, generation)
 * adds its own factory here.
 */
export const standInFactories: StandInFactory[] = [
  (ctx) => import('./polar-stand-in.ts').then((m) => m.startPolarStandIn(ctx)),
  (ctx) => import('./oidc-stand-in.ts').then((m) => m.startOidcStandIn(ctx)),
  falStandInFactory,
];
