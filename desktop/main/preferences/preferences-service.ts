import { DEFAULT_PREFERENCES, PREFERENCE_KEYS, PREFERENCE_LABELS, preferencesUpdateSchema, type PreferenceKey, type Preferences, type PreferencesUpdate } from '../../shared/preferences.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import { migratePreferences, VERSION_KEY, type PreferencesMigration, type RawPreferences } from './migrations.ts';
import type { PreferencesFile } from './preferences-file.ts';
import { describeReset, repairPreferences } from './repair.ts';

/** Told to the user once after loading, when the file was not what it should have been. */
export interface PreferencesNotice {
  kind: 'repaired' | 'reset' | 'unsaved';
  message: string;
  keys: PreferenceKey[];
}

export interface PreferencesService {
  get(): Preferences;
  /** Set when loading had to repair something; the app shows it once. */
  readonly notice: PreferencesNotice | undefined;
  /** Checks a change without applying it. */
  validate(patch: unknown): IpcResult<PreferencesUpdate>;
  /** Validates, stores and announces a change; bad input changes nothing. */
  update(patch: unknown): IpcResult<Preferences>;
  onChange(listener: (prefs: Preferences, changed: PreferenceKey[]) => void): () => void;
}

/**
 * Loads preferences through migrations and repair, writes the repaired file back, and keeps
 * the current values in memory. A file this version cannot use never stops the app: bad keys
 * fall back to defaults (listed in `notice`), unreadable files are kept aside and replaced.
 */
export function createPreferencesService(file: PreferencesFile, migrations: readonly PreferencesMigration[]): PreferencesService {
  const listeners = new Set<(prefs: Preferences, changed: PreferenceKey[]) => void>();
  let notice: PreferencesNotice | undefined;
  // Keys this version does not know (from a newer version, say) are kept in the file untouched.
  let extra: RawPreferences = {};
  let current: Preferences;
  let canWrite = true;

  const save = (prefs: Preferences) => {
    if (!canWrite) return;
    try {
      file.write({ ...extra, ...prefs });
    } catch {
      canWrite = false;
      notice = { kind: 'unsaved', keys: [], message: 'Preferences cannot be saved on this computer; changes last until PromptPixels quits.' };
    }
  };

  try {
    const read = file.read();
    if (read.state === 'corrupt') {
      notice = {
        kind: 'reset',
        keys: [],
        message: `The preferences file could not be read, so all preferences were reset to their defaults.${read.keptAt ? ` The old file was kept at ${read.keptAt}.` : ''}`,
      };
    }
    const migrated = migratePreferences(read.state === 'ok' ? read.raw : {}, migrations);
    const repaired = repairPreferences(migrated.raw);
    current = repaired.preferences;
    extra = Object.fromEntries(Object.entries(migrated.raw).filter(([k]) => !Object.hasOwn(DEFAULT_PREFERENCES, k)));
    // A newer version's file keeps its version number so that version still migrates it right.
    extra[VERSION_KEY] = migrated.state === 'newer' ? migrated.from : migrated.to;
    if (repaired.resetKeys.length > 0) notice = { kind: 'repaired', keys: repaired.resetKeys, message: describeReset(repaired.resetKeys) };
    const unchanged = read.state === 'ok' && migrated.state === 'current' && repaired.resetKeys.length === 0 && repaired.filledKeys.length === 0;
    if (!unchanged) save(current);
  } catch {
    current = { ...DEFAULT_PREFERENCES };
    canWrite = false;
    notice = { kind: 'unsaved', keys: [], message: 'The preferences file cannot be opened, so defaults are used and changes last until PromptPixels quits.' };
  }

  function validate(patch: unknown): IpcResult<PreferencesUpdate> {
    const parsed = preferencesUpdateSchema.safeParse(patch);
    if (parsed.success) return ok(parsed.data as PreferencesUpdate);
    const fields = parsed.error.issues.map((i) => ({ field: i.path.join('.') || '(preferences)', message: i.message }));
    const first = parsed.error.issues[0];
    const key = first?.path[0];
    const label = typeof key === 'string' && Object.hasOwn(PREFERENCE_LABELS, key) ? PREFERENCE_LABELS[key as PreferenceKey] : 'A preference';
    const message = first?.code === 'unrecognized_keys' ? 'That preference does not exist.' : `${label}: ${first?.message ?? 'not valid'}`;
    return fail('invalid_preferences', message, fields);
  }

  return {
    get: () => current,
    get notice() {
      return notice;
    },
    validate,
    update(patch) {
      const parsed = validate(patch);
      if (!parsed.ok) return parsed;
      const changes = parsed.value;
      const changed = PREFERENCE_KEYS.filter((k) => Object.hasOwn(changes, k) && changes[k] !== current[k]);
      if (changed.length === 0) return ok(current);
      current = { ...current, ...changes };
      save(current);
      for (const l of listeners) l(current, changed);
      return ok(current);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
