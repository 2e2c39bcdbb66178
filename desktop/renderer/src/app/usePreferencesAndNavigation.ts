import { useEffect } from 'react';
import { mainApi } from '../common/pp.ts';
import { useNavigation } from '../stores/navigation.ts';
import { followPreferences } from '../stores/preferences.ts';

/** Follows preferences (theme at once) and main's "show this area" requests from the tray and popup. */
export function usePreferencesAndNavigation(): void {
  useEffect(() => followPreferences(mainApi().preferences), []);
  useEffect(() => mainApi().navigation.onNavigate(({ area }) => useNavigation.getState().go(area)), []);
}
