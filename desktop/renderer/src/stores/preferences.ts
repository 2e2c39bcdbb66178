import { create } from 'zustand';
import type { Preferences, PreferencesUpdate, PreferencesView, PreferenceKey } from '../../../shared/preferences.ts';
import type { IpcResult } from '../../../shared/result.ts';
import { applyTheme } from '../common/theme.ts';

interface PreferencesState {
  preferences: Preferences | undefined;
  /** Loading repaired something; shown on the Preferences page. */
  notice: string | null;
  /** The last refusal per key (shortcut conflict, bad URL), shown beside the field. */
  errors: Partial<Record<PreferenceKey | 'general', string>>;
  saving: boolean;
}

export const usePreferences = create<PreferencesState>(() => ({ preferences: undefined, notice: null, errors: {}, saving: false }));

const received = (preferences: Preferences) => {
  applyTheme(preferences.theme);
  usePreferences.setState({ preferences });
};

/** Asks main once, then follows pushed changes (from this or another window). */
export function followPreferences(api: {
  get: () => Promise<IpcResult<PreferencesView>>;
  onChanged: (listener: (prefs: Preferences) => void) => () => void;
}): () => void {
  void api.get().then((res) => {
    if (res.ok) {
      received(res.value.preferences);
      usePreferences.setState({ notice: res.value.notice });
    }
  });
  return api.onChanged(received);
}

function fieldOf(details: unknown): PreferenceKey | 'general' {
  const first = Array.isArray(details) ? (details[0] as { field?: unknown } | undefined) : undefined;
  return typeof first?.field === 'string' && first.field.length > 0 && !first.field.startsWith('(') ? (first.field.split('.')[0] as PreferenceKey) : 'general';
}

/** Sends a change; a refusal is stored against the field it concerns and nothing changes. */
export async function savePreferences(
  api: { update: (patch: PreferencesUpdate) => Promise<IpcResult<PreferencesView>> },
  patch: PreferencesUpdate,
): Promise<boolean> {
  const keys = Object.keys(patch) as PreferenceKey[];
  usePreferences.setState((s) => ({ saving: true, errors: Object.fromEntries(Object.entries(s.errors).filter(([k]) => !keys.includes(k as PreferenceKey) && k !== 'general')) }));
  const res = await api.update(patch);
  if (res.ok) {
    received(res.value.preferences);
    usePreferences.setState({ saving: false });
    return true;
  }
  const key = res.error.code === 'shortcut_conflict' || res.error.code === 'shortcut_invalid' ? 'shortcut' : keys.length === 1 ? keys[0]! : fieldOf(res.error.details);
  const message = res.error.code === 'invalid_payload' && Array.isArray(res.error.details) ? String((res.error.details[0] as { message?: unknown })?.message ?? res.error.message) : res.error.message;
  usePreferences.setState((s) => ({ saving: false, errors: { ...s.errors, [key]: message } }));
  return false;
}
