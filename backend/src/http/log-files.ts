import { createWriteStream, mkdirSync, readdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';

const FILE = /^technical-(\d{4}-\d{2}-\d{2})\.log$/;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Technical logs (IP addresses, user agents, errors) as one file per UTC day, so the retention
 * job can delete whole days once they are older than the policy's 90 days.
 */
export function dailyLogFiles(dir: string, now: () => number): Writable {
  mkdirSync(dir, { recursive: true });
  let day = '';
  let file: WriteStream | undefined;
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      const today = dayOf(now());
      if (today !== day) {
        file?.end();
        day = today;
        file = createWriteStream(join(dir, `technical-${day}.log`), { flags: 'a', mode: 0o600 });
      }
      file!.write(chunk, cb);
    },
    final(cb) {
      if (file) file.end(cb);
      else cb();
    },
  });
}

/** Deletes day files older than `keepMs`; answers the names deleted. */
export function deleteExpiredLogFiles(dir: string, now: number, keepMs: number): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const oldestKept = dayOf(now - keepMs);
  const deleted: string[] = [];
  for (const name of names) {
    const m = FILE.exec(name);
    if (m && m[1]! < oldestKept) {
      rmSync(join(dir, name), { force: true });
      deleted.push(name);
    }
  }
  return deleted;
}
