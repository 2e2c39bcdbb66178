import type { SafeStorage } from 'electron';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chooseSecretStore, createSafeStorageStore, type KeytarLike, type SecretStore } from './secret-store.ts';

/** The Electron edge of secret storage: keytar first, then safeStorage into a 0600 file. */
export function electronSecretStore(opts: { safeStorage: SafeStorage; filePath: string; platform: string; log: (m: string) => void }): Promise<SecretStore> {
  return chooseSecretStore({
    service: 'PromptPixels',
    account: 'session',
    log: opts.log,
    keytar: async () => {
      const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
      return mod.default ?? mod;
    },
    safeStorage: () =>
      createSafeStorageStore(
        opts.safeStorage,
        {
          read: () => readFile(opts.filePath).catch(() => undefined),
          write: async (data) => {
            await mkdir(dirname(opts.filePath), { recursive: true });
            await writeFile(opts.filePath, data, { mode: 0o600 });
          },
          remove: () => rm(opts.filePath, { force: true }),
        },
        opts.platform,
      ),
  });
}
