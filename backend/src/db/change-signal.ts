import { EventEmitter } from 'node:events';
import type { Db } from './database.ts';

/**
 * An in-process change signal per database (for Server-Sent Events and anything that waits on
 * a row). Other backend instances' changes are not seen here; readers also poll the row.
 */
export function changeSignal(): (db: Db) => EventEmitter {
  const emitters = new WeakMap<Db, EventEmitter>();
  return (db) => {
    let e = emitters.get(db);
    if (!e) {
      e = new EventEmitter();
      e.setMaxListeners(0);
      emitters.set(db, e);
    }
    return e;
  };
}
