import { parseArgs } from 'node:util';
import { ConfigError, parseConfig, type Config } from '../config.ts';
import { createLedger, type Ledger } from '../credits/ledger.ts';
import { openDatabase, type Db } from '../db/database.ts';

/** Shared start of every backend command: config from the environment, the database, the ledger. */
export function openForCommand(): { config: Config; db: Db; ledger: Ledger } {
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const db = openDatabase(config.databasePath);
  return { config, db, ledger: createLedger(db, Date.now) };
}

export function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** Parses `--name value` string options; unknown options stop the command with a message. */
export function options(names: string[]): Record<string, string | undefined> {
  try {
    const spec = Object.fromEntries(names.map((n) => [n, { type: 'string' as const }]));
    return parseArgs({ options: spec, allowPositionals: false, strict: true }).values as Record<string, string | undefined>;
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
}
