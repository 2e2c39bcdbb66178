import keytar from 'keytar';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chooseSecretStore, createKeytarStore, createSafeStorageStore, type FileLike, type SafeStorageLike } from '../../main/auth/secret-store.ts';

const memoryFile = (): FileLike & { data: Buffer | undefined } => {
  const f = {
    data: undefined as Buffer | undefined,
    read: async () => f.data,
    write: async (d: Buffer) => {
      f.data = d;
    },
    remove: async () => {
      f.data = undefined;
    },
  };
  return f;
};

// A reversible transform standing in for the OS key, so the test can see what reaches the disk.
const fakeSafeStorage = (backend: string): SafeStorageLike => ({
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => backend,
  encryptStringAsync: async (s) => Buffer.from(Buffer.from(s).map((b) => b ^ 0x5a)),
  decryptStringAsync: async (b) => ({ result: Buffer.from(b.map((x) => x ^ 0x5a)).toString(), shouldReEncrypt: false }),
});

describe('the keychain store (keytar against the real Secret Service)', () => {
  it('round-trips a refresh token and deletes it', async () => {
    const store = createKeytarStore(keytar, 'PromptPixels-test', `session-${randomBytes(6).toString('hex')}`);
    const secret = `ppr_${randomBytes(32).toString('base64url')}`;
    await store.set(secret);
    expect(await store.get()).toBe(secret);
    await store.delete();
    expect(await store.get()).toBeUndefined();
  });

  it('is chosen first when the keychain answers', async () => {
    const store = await chooseSecretStore({ keytar: async () => keytar, safeStorage: async () => undefined, service: 'PromptPixels-test', account: 'probe' });
    expect(store.kind).toBe('keychain');
  });
});

describe('the safeStorage fallback', () => {
  it('refuses the basic_text backend (plaintext in all but name)', async () => {
    expect(await createSafeStorageStore(fakeSafeStorage('basic_text'), memoryFile(), 'linux')).toBeUndefined();
  });

  it('writes only ciphertext and reads it back', async () => {
    const file = memoryFile();
    const store = (await createSafeStorageStore(fakeSafeStorage('gnome_libsecret'), file, 'linux'))!;
    await store.set('ppr_secret');
    expect(file.data!.toString()).not.toContain('ppr_secret');
    expect(await store.get()).toBe('ppr_secret');
    await store.delete();
    expect(file.data).toBeUndefined();
  });

  it('falls back to memory only — never plaintext — when neither keychain nor safeStorage works', async () => {
    const store = await chooseSecretStore({
      keytar: async () => {
        throw new Error('no Secret Service');
      },
      safeStorage: () => createSafeStorageStore(fakeSafeStorage('basic_text'), memoryFile(), 'linux'),
      service: 'x',
      account: 'y',
    });
    expect(store.kind).toBe('memory');
  });

  it('uses safeStorage when the keychain is unavailable', async () => {
    const store = await chooseSecretStore({
      keytar: async () => ({ getPassword: () => Promise.reject(new Error('dbus')), setPassword: async () => undefined, deletePassword: async () => true }),
      safeStorage: () => createSafeStorageStore(fakeSafeStorage('kwallet5'), memoryFile(), 'linux'),
      service: 'x',
      account: 'y',
    });
    expect(store.kind).toBe('safe-storage');
  });
});
