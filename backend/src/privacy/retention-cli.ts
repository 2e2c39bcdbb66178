import { ConfigError, parseConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { runRetention } from './retention.ts';

// `npm run privacy:retention`: applies the retention rules now, on the configured database.
try {
  const config = parseConfig(process.env);
  const db = openDatabase(config.databasePath);
  for (const { rule, deleted } of runRetention({ db, now: Date.now(), logDir: config.logDir })) {
    console.log(`${rule}: deleted ${deleted}`);
  }
  db.close();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`privacy:retention: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
