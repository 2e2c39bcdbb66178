import Store from 'electron-store';
import { join } from 'node:path';
import { preferencesMigrations } from './migrations.ts';
import { confPreferencesFile } from './preferences-file.ts';
import { createPreferencesService, type PreferencesService } from './preferences-service.ts';

/**
 * The Electron edge for preferences: electron-store as the file, with its own schema and
 * migrations off (ours run in createPreferencesService, key by key) and clearInvalidConfig
 * off so an unreadable file is kept aside rather than silently emptied.
 */
export function openElectronPreferences(userDataDir: string): PreferencesService {
  const file = confPreferencesFile({
    open: () => new Store<Record<string, unknown>>({ name: 'preferences', cwd: userDataDir, clearInvalidConfig: false }),
    path: join(userDataDir, 'preferences.json'),
    now: Date.now,
  });
  return createPreferencesService(file, preferencesMigrations);
}
