import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES, DEFAULT_SHORTCUT } from '../../shared/preferences.ts';
import { migratePreferences, preferencesMigrations, type PreferencesMigration } from '../../main/preferences/migrations.ts';
import { confPreferencesFile } from '../../main/preferences/preferences-file.ts';
import { createPreferencesService } from '../../main/preferences/preferences-service.ts';

// Real files through `conf`, the store electron-store is built on (electron-store itself needs Electron).
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pp-prefs-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const fileIn = (dir: string) => join(dir, 'preferences.json');
function open(dir: string, migrations: readonly PreferencesMigration[] = preferencesMigrations) {
  const file = confPreferencesFile({
    open: () => new Conf<Record<string, unknown>>({ cwd: dir, configName: 'preferences', projectName: 'promptpixels-test', clearInvalidConfig: false }),
    path: fileIn(dir),
    now: () => 1_700_000_000_000,
  });
  return createPreferencesService(file, migrations);
}
const onDisk = (dir: string) => JSON.parse(readFileSync(fileIn(dir), 'utf8')) as Record<string, unknown>;

describe('preferences on disk', () => {
  it('a first start writes the defaults with the current schema version', () => {
    const dir = tempDir();
    const prefs = open(dir);
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.notice).toBeUndefined();
    expect(onDisk(dir)).toEqual({ ...DEFAULT_PREFERENCES, schemaVersion: 1 });
  });

  it('an update is validated, saved and survives a restart', () => {
    const dir = tempDir();
    const changes: string[][] = [];
    const prefs = open(dir);
    prefs.onChange((_p, changed) => changes.push(changed));
    const res = prefs.update({ theme: 'dark', aspectRatio: '16:9', copyAfterQuickGenerate: false });
    expect(res.ok).toBe(true);
    expect(changes).toEqual([['aspectRatio', 'copyAfterQuickGenerate', 'theme']]);
    expect(open(dir).get()).toMatchObject({ theme: 'dark', aspectRatio: '16:9', copyAfterQuickGenerate: false });
  });

  it('a bad update is refused with the field named and changes nothing', () => {
    const dir = tempDir();
    const prefs = open(dir);
    const before = readFileSync(fileIn(dir), 'utf8');
    for (const patch of [{ theme: 'purple' }, { shortcut: 'Space' }, { backendUrl: 'http://example.com' }, { unknownKey: 1 }, 'theme=dark']) {
      const res = prefs.update(patch);
      expect(res.ok).toBe(false);
      if (!res.ok) expect(res.error.code).toBe('invalid_preferences');
    }
    const url = prefs.update({ backendUrl: 'http://example.com' });
    expect(!url.ok && url.error.message).toMatch(/Backend URL: .*https/);
    expect(readFileSync(fileIn(dir), 'utf8')).toBe(before);
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
  });

  it('a hand-edited file with wrong types keeps its good keys and resets only the bad ones, with a notice naming them', () => {
    const dir = tempDir();
    writeFileSync(
      fileIn(dir),
      JSON.stringify({ schemaVersion: 1, theme: 'dark', aspectRatio: 'wide', notifications: 'yes', shortcut: 'Alt+Shift+G', copyAfterQuickGenerate: false }),
    );
    const prefs = open(dir);
    expect(prefs.get()).toMatchObject({ theme: 'dark', shortcut: 'Alt+Shift+G', copyAfterQuickGenerate: false, aspectRatio: '1:1', notifications: true });
    expect(prefs.notice?.kind).toBe('repaired');
    expect(prefs.notice?.keys).toEqual(['aspectRatio', 'notifications']);
    expect(prefs.notice?.message).toContain('Aspect ratio, Notifications');
    expect(onDisk(dir)).toMatchObject({ aspectRatio: '1:1', notifications: true, theme: 'dark' });
    expect(open(dir).notice).toBeUndefined();
  });

  it('a file that is not JSON is kept aside and replaced by defaults, with a notice saying where it went', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), '{"theme": "dark", ');
    const prefs = open(dir);
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.notice?.kind).toBe('reset');
    const kept = join(dir, 'preferences.corrupt-1700000000000.json');
    expect(prefs.notice?.message).toContain(kept);
    expect(readFileSync(kept, 'utf8')).toBe('{"theme": "dark", ');
    expect(onDisk(dir)).toEqual({ ...DEFAULT_PREFERENCES, schemaVersion: 1 });
    expect(prefs.update({ theme: 'light' }).ok).toBe(true);
    expect(onDisk(dir).theme).toBe('light');
  });

  it('an empty file is treated as unreadable, not as a crash', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), '');
    const prefs = open(dir);
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(readdirSync(dir).some((f) => f.startsWith('preferences.corrupt-'))).toBe(true);
  });

  it('an unversioned file is migrated to the current version without losing values', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify({ theme: 'light', shortcut: DEFAULT_SHORTCUT, startInTray: true }));
    const prefs = open(dir);
    expect(prefs.get()).toMatchObject({ theme: 'light', startInTray: true });
    expect(prefs.notice).toBeUndefined();
    expect(onDisk(dir).schemaVersion).toBe(1);
  });

  it('migrations run in order from the file version, each on the output of the last', () => {
    const dir = tempDir();
    const migrations: PreferencesMigration[] = [
      { to: 3, describe: 'dark flag became a theme', migrate: ({ darkMode, ...rest }) => ({ ...rest, theme: darkMode === true ? 'dark' : darkMode === false ? 'light' : 'system' }) },
      { to: 1, describe: 'version stamp', migrate: (raw) => raw },
      { to: 2, describe: 'hotkey renamed', migrate: ({ hotkey, ...rest }) => ({ ...rest, shortcut: hotkey }) },
    ];
    writeFileSync(fileIn(dir), JSON.stringify({ schemaVersion: 1, hotkey: 'Alt+Shift+P', darkMode: true }));
    const prefs = open(dir, migrations);
    expect(prefs.get()).toMatchObject({ shortcut: 'Alt+Shift+P', theme: 'dark' });
    const disk = onDisk(dir);
    expect(disk).toMatchObject({ schemaVersion: 3, shortcut: 'Alt+Shift+P', theme: 'dark' });
    expect(disk).not.toHaveProperty('hotkey');
    expect(disk).not.toHaveProperty('darkMode');
  });

  it('a file from a newer version keeps its version and the keys this version does not know', () => {
    const dir = tempDir();
    writeFileSync(fileIn(dir), JSON.stringify({ ...DEFAULT_PREFERENCES, schemaVersion: 7, theme: 'dark', futureThing: { a: 1 } }));
    const prefs = open(dir);
    expect(prefs.get().theme).toBe('dark');
    prefs.update({ notifications: false });
    expect(onDisk(dir)).toMatchObject({ schemaVersion: 7, futureThing: { a: 1 }, notifications: false });
  });

  it('the migration runner reports what it did', () => {
    expect(migratePreferences({}, preferencesMigrations)).toMatchObject({ state: 'migrated', from: 0, to: 1 });
    expect(migratePreferences({ schemaVersion: 1 }, preferencesMigrations)).toMatchObject({ state: 'current' });
    expect(migratePreferences({ schemaVersion: 'x' }, preferencesMigrations)).toMatchObject({ state: 'migrated', from: 0 });
  });

  it('a store that cannot be opened at all still gives defaults and a notice instead of a crash', () => {
    const prefs = createPreferencesService(
      {
        read: () => {
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        },
        write: () => {
          throw new Error('EACCES');
        },
      },
      preferencesMigrations,
    );
    expect(prefs.get()).toEqual(DEFAULT_PREFERENCES);
    expect(prefs.notice?.kind).toBe('unsaved');
    expect(prefs.update({ theme: 'dark' }).ok).toBe(true);
    expect(prefs.get().theme).toBe('dark');
  });
});
