import { parseArgs } from 'node:util';
import { ConfigError, parseConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { setToolEnabled } from './tool-switches.ts';

// `npm run tools:switch -- --tool flux-schnell --off --reason "provider incident"` (or --on).
try {
  const { values } = parseArgs({ options: { tool: { type: 'string' }, on: { type: 'boolean' }, off: { type: 'boolean' }, reason: { type: 'string' } } });
  if (!values.tool || values.on === values.off) {
    console.error('usage: npm run tools:switch -- --tool ID (--on | --off) [--reason TEXT]');
    process.exit(2);
  }
  const config = parseConfig(process.env);
  const db = openDatabase(config.databasePath);
  setToolEnabled(db, values.tool, values.on === true, values.reason, Date.now());
  console.log(`${values.tool}: ${values.on ? 'enabled' : 'disabled'}${values.reason ? ` (${values.reason})` : ''}`);
  db.close();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(`tools:switch: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
