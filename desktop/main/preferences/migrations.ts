/**
 * Versioned migrations for the preferences file. The file records `schemaVersion`; on load
 * every migration above it runs in order, each a plain function over the raw object, so an
 * old file becomes the current shape before it is validated (and repaired) key by key.
 */
export type RawPreferences = Record<string, unknown>;

export interface PreferencesMigration {
  /** The version the file has after this migration. */
  to: number;
  describe: string;
  migrate: (raw: RawPreferences) => RawPreferences;
}

export const VERSION_KEY = 'schemaVersion';

/** The app's real migration history; append only, never edit a shipped step. */
export const preferencesMigrations: readonly PreferencesMigration[] = [
  {
    to: 1,
    describe: 'unversioned file: mark it version 1 (keys were already in the current shape)',
    migrate: (raw) => raw,
  },
];

export const currentPreferencesVersion = (migrations: readonly PreferencesMigration[]): number =>
  migrations.reduce((max, m) => Math.max(max, m.to), 0);

export type MigrationOutcome =
  | { state: 'current' | 'migrated'; from: number; to: number; raw: RawPreferences }
  /** Written by a newer PromptPixels: read what this version understands, keep the rest. */
  | { state: 'newer'; from: number; to: number; raw: RawPreferences };

function versionOf(raw: RawPreferences): number {
  const v = raw[VERSION_KEY];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}

export function migratePreferences(input: RawPreferences, migrations: readonly PreferencesMigration[]): MigrationOutcome {
  const latest = currentPreferencesVersion(migrations);
  const from = versionOf(input);
  if (from > latest) return { state: 'newer', from, to: latest, raw: input };
  let raw = { ...input };
  const pending = [...migrations].filter((m) => m.to > from).sort((a, b) => a.to - b.to);
  for (const step of pending) raw = { ...step.migrate(raw), [VERSION_KEY]: step.to };
  return { state: pending.length > 0 ? 'migrated' : 'current', from, to: latest, raw: { ...raw, [VERSION_KEY]: latest } };
}
