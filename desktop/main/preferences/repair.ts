import { DEFAULT_PREFERENCES, PREFERENCE_KEYS, PREFERENCE_LABELS, preferenceFields, type PreferenceKey, type Preferences } from '../../shared/preferences.ts';
import type { RawPreferences } from './migrations.ts';

export interface RepairResult {
  preferences: Preferences;
  /** Keys whose stored value was present but wrong and were reset to their default. */
  resetKeys: PreferenceKey[];
  /** Keys absent from the file (new in this version, or deleted by hand): defaults, silently. */
  filledKeys: PreferenceKey[];
}

/**
 * Turns whatever the file held into valid preferences, key by key: a wrong value costs only
 * that key (reset to its default), never the rest of the user's choices and never a crash.
 */
export function repairPreferences(raw: RawPreferences): RepairResult {
  const preferences: Record<string, unknown> = {};
  const resetKeys: PreferenceKey[] = [];
  const filledKeys: PreferenceKey[] = [];
  for (const key of PREFERENCE_KEYS) {
    if (!Object.hasOwn(raw, key)) {
      filledKeys.push(key);
      preferences[key] = DEFAULT_PREFERENCES[key];
      continue;
    }
    const parsed = preferenceFields[key].schema.safeParse(raw[key]);
    if (parsed.success) preferences[key] = parsed.data;
    else {
      resetKeys.push(key);
      preferences[key] = DEFAULT_PREFERENCES[key];
    }
  }
  return { preferences: preferences as Preferences, resetKeys, filledKeys };
}

export function describeReset(keys: readonly PreferenceKey[]): string {
  const names = keys.map((k) => PREFERENCE_LABELS[k]);
  return `Some preferences could not be read and were reset to their defaults: ${names.join(', ')}.`;
}
