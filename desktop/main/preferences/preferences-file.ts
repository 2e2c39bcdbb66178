import { renameSync } from 'node:fs';
import type { RawPreferences } from './migrations.ts';

/**
 * Where preferences live on disk. electron-store in the app, `conf` (the library
 * electron-store is built on) in Node tests: both are a `ConfLike`.
 */
export interface ConfLike {
  store: Record<string, unknown>;
}

export type PreferencesRead =
  | { state: 'ok'; raw: RawPreferences }
  /** The file was not JSON; it was moved aside (kept for the user) and an empty one started. */
  | { state: 'corrupt'; keptAt: string | undefined };

export interface PreferencesFile {
  read(): PreferencesRead;
  write(raw: RawPreferences): void;
}

const isSyntaxError = (err: unknown): boolean => err instanceof Error && err.name === 'SyntaxError';

/**
 * A PreferencesFile over electron-store/conf. Both throw a SyntaxError for a file that is not
 * JSON (with clearInvalidConfig off, so nothing is silently thrown away): the file is renamed
 * to `<name>.corrupt-<time>.json` and the store reopened empty.
 */
export function confPreferencesFile(opts: {
  open: () => ConfLike;
  /** The store's file path, known before opening (opening is what fails on a corrupt file). */
  path: string;
  now: () => number;
  rename?: (from: string, to: string) => void;
}): PreferencesFile {
  const rename = opts.rename ?? renameSync;
  let store: ConfLike | undefined;
  let keptAt: string | undefined;

  const setAside = (): string | undefined => {
    const target = opts.path.replace(/\.json$/, '') + `.corrupt-${opts.now()}.json`;
    try {
      rename(opts.path, target);
      return target;
    } catch {
      return undefined;
    }
  };

  const openStore = (): ConfLike => {
    try {
      return opts.open();
    } catch (err) {
      if (!isSyntaxError(err)) throw err;
      keptAt = setAside();
      return opts.open();
    }
  };

  return {
    read() {
      keptAt = undefined;
      try {
        store ??= openStore();
        const raw = { ...store.store };
        return keptAt === undefined ? { state: 'ok', raw } : { state: 'corrupt', keptAt };
      } catch (err) {
        // Broken after opening (edited while the app ran): same treatment as at start.
        if (!isSyntaxError(err)) throw err;
        keptAt = setAside();
        store = opts.open();
        return { state: 'corrupt', keptAt };
      }
    },
    write(raw) {
      store ??= openStore();
      store.store = raw;
    },
  };
}
