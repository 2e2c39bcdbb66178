import Conf from 'conf';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcEventName } from '../../shared/ipc-channels.ts';
import type { IpcEventPayloads } from '../../shared/ipc-types.ts';
import type { MainDestination } from '../../shared/quick-generate.ts';
import type { HandlerDeps } from '../../main/handlers.ts';
import { preferencesMigrations } from '../../main/preferences/migrations.ts';
import { createPreferencesController } from '../../main/preferences/preferences-controller.ts';
import { confPreferencesFile } from '../../main/preferences/preferences-file.ts';
import { createPreferencesService, type PreferencesService } from '../../main/preferences/preferences-service.ts';
import { quickGenerateNotAvailable } from '../../main/quick-generate.ts';
import { createShortcutService, type ShortcutService } from '../../main/shortcut-service.ts';

export interface TrayHarnessDeps {
  handlerDeps: Pick<HandlerDeps, 'preferences' | 'quickGenerate' | 'openMainAt'>;
  /** The real preferences service over a temporary file. */
  preferences: PreferencesService;
  shortcuts: ShortcutService;
  /** Accelerators "other apps" own: registering them fails, like a real conflict. */
  takenShortcuts: Set<string>;
  /** Where the popup's one-click fixes and "open" links sent the main window. */
  openedAreas: MainDestination[];
  /** What the next gallery-folder dialog answers (undefined = cancelled). */
  nextFolderChoice: { value: string | undefined };
  /** What the backend-URL confirmation dialog answers, and the URLs it was asked about. */
  backendUrlConfirmation: { answer: boolean; asked: string[] };
  dispose(): void;
}

/**
 * The issue-9 main-process pieces for the renderer harness: real preferences on a temp file,
 * the real shortcut service over a recording globalShortcut, generation not available
 * (tests pass their own QuickGenerateService via handlerOverrides).
 */
export function createTrayHarnessDeps(opts: { emit: <E extends IpcEventName>(name: E, payload: IpcEventPayloads[E]) => Promise<void> }): TrayHarnessDeps {
  const dir = mkdtempSync(join(tmpdir(), 'pp-harness-prefs-'));
  const preferences = createPreferencesService(
    confPreferencesFile({ open: () => new Conf({ cwd: dir, configName: 'preferences', projectName: 'pp-harness' }), path: join(dir, 'preferences.json'), now: Date.now }),
    preferencesMigrations,
  );
  const takenShortcuts = new Set<string>();
  const registered = new Set<string>();
  const shortcuts = createShortcutService({
    globalShortcut: {
      register: (a) => !takenShortcuts.has(a) && !registered.has(a) && (registered.add(a), true),
      unregister: (a) => void registered.delete(a),
    },
    onTrigger: () => undefined,
    platform: process.platform,
  });
  shortcuts.bind(preferences.get().shortcut);
  preferences.onChange((prefs) => void opts.emit('preferencesChanged', prefs));
  const openedAreas: MainDestination[] = [];
  const nextFolderChoice = { value: undefined as string | undefined };
  const backendUrlConfirmation = { answer: true, asked: [] as string[] };
  return {
    handlerDeps: {
      preferences: createPreferencesController({
        service: preferences,
        shortcuts,
        chooseFolder: async () => nextFolderChoice.value,
        confirmBackendUrl: async (url) => (backendUrlConfirmation.asked.push(url), backendUrlConfirmation.answer),
      }),
      quickGenerate: quickGenerateNotAvailable,
      openMainAt: (area) => void openedAreas.push(area),
    },
    preferences,
    shortcuts,
    takenShortcuts,
    openedAreas,
    nextFolderChoice,
    backendUrlConfirmation,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
