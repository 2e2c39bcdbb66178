import { ConfigError, parseConfig } from './config.ts';
import pino from 'pino';
import { dailyLogFiles } from './http/log-files.ts';
import { createLogger } from './http/logging.ts';
import { startBackend } from './server.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`promptpixels-backend: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(
    config.logLevel,
    config.logDir ? pino.multistream([{ stream: process.stdout }, { stream: dailyLogFiles(config.logDir, Date.now) }]) : undefined,
  );
  const backend = await startBackend(config, log);
  log.info(`listening on ${backend.url}`);

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    void backend.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`promptpixels-backend: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
