/**
 * Where the refresh token lives between runs. Only protected stores exist: the OS keychain
 * (keytar) or Electron safeStorage with a real OS backend. If neither is available the token
 * is kept in memory for this run only — never written in plaintext.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'safe-storage' | 'memory';
  get(): Promise<string | undefined>;
  set(value: string): Promise<void>;
  delete(): Promise<void>;
}

/** The subset of keytar used (passed in, so tests and Electron load the same real module). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export function createKeytarStore(keytar: KeytarLike, service: string, account: string): SecretStore {
  return {
    kind: 'keychain',
    get: async () => (await keytar.getPassword(service, account)) ?? undefined,
    set: (value) => keytar.setPassword(service, account, value),
    delete: async () => {
      await keytar.deletePassword(service, account);
    },
  };
}

/** The subset of Electron's safeStorage used. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  getSelectedStorageBackend?(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export interface FileLike {
  read(): Promise<Buffer | undefined>;
  write(data: Buffer): Promise<void>;
  remove(): Promise<void>;
}

/**
 * safeStorage encrypts with a key the OS keeps; the ciphertext goes to a file. On Linux
 * without a keyring Electron falls back to `basic_text` (a hard-coded key): that is
 * plaintext in all but name, so it is refused.
 */
export async function createSafeStorageStore(safeStorage: SafeStorageLike, file: FileLike, platform: string): Promise<SecretStore | undefined> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return undefined;
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') return undefined;
  }
  return {
    kind: 'safe-storage',
    async get() {
      const data = await file.read();
      if (!data) return undefined;
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data);
        if (shouldReEncrypt) await file.write(await safeStorage.encryptStringAsync(result));
        return result;
      } catch {
        // Unreadable (another machine's key, damaged file): treat as signed out and clear it.
        await file.remove();
        return undefined;
      }
    },
    set: async (value) => file.write(await safeStorage.encryptStringAsync(value)),
    delete: () => file.remove(),
  };
}

export function createMemoryStore(): SecretStore {
  let value: string | undefined;
  return {
    kind: 'memory',
    get: async () => value,
    set: async (v) => {
      value = v;
    },
    delete: async () => {
      value = undefined;
    },
  };
}

/**
 * The keychain when it answers, else safeStorage when it is really protected, else memory.
 * Probing with a read catches a missing Secret Service (keytar rejects) up front.
 */
export async function chooseSecretStore(opts: {
  keytar: () => Promise<KeytarLike>;
  safeStorage: () => Promise<SecretStore | undefined>;
  service: string;
  account: string;
  log?: (message: string) => void;
}): Promise<SecretStore> {
  try {
    const store = createKeytarStore(await opts.keytar(), opts.service, opts.account);
    await store.get();
    return store;
  } catch (err) {
    opts.log?.(`OS keychain unavailable (${err instanceof Error ? err.message : String(err)}); trying safeStorage`);
  }
  try {
    const safe = await opts.safeStorage();
    if (safe) return safe;
  } catch (err) {
    opts.log?.(`safeStorage unavailable (${err instanceof Error ? err.message : String(err)})`);
  }
  opts.log?.('no protected storage: the session is kept for this run only');
  return createMemoryStore();
}
