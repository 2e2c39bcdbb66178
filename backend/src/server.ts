import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Koa from 'koa';
import type { Logger } from 'pino';
import { createApp, type AppDeps } from './app.ts';
import type { Config } from './config.ts';
import { createLedger } from './credits/ledger.ts';
import { grantSignupCredits } from './credits/signup.ts';
import { openDatabase } from './db/database.ts';
import { startBackgroundJobs } from './jobs.ts';

export interface RunningBackend {
  server: Server;
  app: Koa;
  url: string;
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * Opens the database, builds the app and listens. Used by the entry point, sandbox mode and
 * the tests, so all three run the same server.
 */
export async function startBackend(
  config: Config,
  log: Logger,
  opts: { now?: () => number; sandbox?: boolean; jobs?: boolean; onAccountCreated?: AppDeps['onAccountCreated'] } = {},
): Promise<RunningBackend> {
  const db = openDatabase(config.databasePath);
  const now = opts.now ?? Date.now;
  const ledger = createLedger(db, now);
  const deps: AppDeps = {
    config,
    db,
    log,
    now,
    sandbox: opts.sandbox ?? false,
    ledger,
    // Signup credits: once per Google identity, verified emails only, inside the transaction
    // that creates the account (so a failed grant means no half-created account).
    onAccountCreated:
      opts.onAccountCreated ??
      ((user) => {
        grantSignupCredits(ledger, { userId: user.id, issuer: user.issuer, subject: user.subject, emailVerified: user.emailVerified, amount: config.signupCredits });
      }),
  };
  const app = createApp(deps);
  const server = createServer(app.callback());
  server.headersTimeout = 15_000;
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  // Tests that drive jobs by hand pass jobs: false and call the job functions directly.
  const stopJobs = opts.jobs === false ? async () => undefined : startBackgroundJobs(deps);
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    server,
    app,
    url: `http://${host}:${port}`,
    deps,
    close() {
      closing ??= new Promise<void>((resolve) => {
        // Stop accepting, let in-flight requests finish, then drop idle keep-alive sockets.
        server.close(() => {
          void stopJobs().then(() => {
            db.close();
            resolve();
          });
        });
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      });
      return closing;
    },
  };
}
