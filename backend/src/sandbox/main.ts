import { ConfigError } from '../config.ts';
import { createLogger } from '../http/logging.ts';
import { SandboxRefused, startSandbox } from './start.ts';

// `npm run dev`'s backend: the real backend with local stand-ins instead of cloud accounts.
const log = createLogger(process.env.PP_LOG_LEVEL ?? 'info');
try {
  const sandbox = await startSandbox(process.env, log);
  log.info(`listening on ${sandbox.backend.url} (SANDBOX: local stand-ins, no real payments or AI)`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (err) {
  if (err instanceof SandboxRefused || err instanceof ConfigError) {
    process.stderr.write(`promptpixels-sandbox: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
