import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/database.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The prepared statement for `text` on `db`, compiled once. Preparing on every call was the
 * largest single cost of POST /v1/generations in a CPU profile (bench/generation-proxy.ts).
 * Each SQL text must always be used the same way (e.g. always with .pluck()).
 */
export function sql(db: Db, text: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}
