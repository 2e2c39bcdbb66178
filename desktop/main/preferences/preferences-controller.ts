import type { PreferencesView } from '../../shared/preferences.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { ShortcutService } from '../shortcut-service.ts';
import type { PreferencesService } from './preferences-service.ts';

/**
 * Preference changes from the Preferences page. A new shortcut is registered before it is
 * saved, so a combination another app owns is refused and the old one keeps working; the
 * gallery folder is chosen with the OS dialog (passed in) rather than typed; a new backend
 * URL is confirmed in a native dialog, because every signed-in request (and its token) goes
 * there and a renderer alone must not be able to redirect them.
 */
export function createPreferencesController(deps: {
  service: PreferencesService;
  shortcuts: ShortcutService;
  chooseFolder: (current: string | null) => Promise<string | undefined>;
  confirmBackendUrl: (url: string) => Promise<boolean>;
}) {
  const view = (): PreferencesView => ({ preferences: deps.service.get(), notice: deps.service.notice?.message ?? null });

  return {
    get: view,
    async update(patch: unknown): Promise<IpcResult<PreferencesView>> {
      // Validate everything first (a bad value changes nothing), then confirm, register, save.
      const probe = deps.service.validate(patch);
      if (!probe.ok) return probe;
      const changes = probe.value;
      const current = deps.service.get();
      if (changes.backendUrl !== undefined && changes.backendUrl !== current.backendUrl && !(await deps.confirmBackendUrl(changes.backendUrl))) {
        return fail('cancelled', 'The backend URL was not changed.');
      }
      const previous = deps.shortcuts.current();
      if (changes.shortcut !== undefined && changes.shortcut !== current.shortcut) {
        const bound = deps.shortcuts.bind(changes.shortcut);
        if (!bound.ok) return fail(bound.code, bound.message, { kept: bound.kept ?? null });
      }
      const saved = deps.service.update(changes);
      if (!saved.ok) {
        if (previous !== undefined && previous !== deps.shortcuts.current()) deps.shortcuts.bind(previous);
        return saved;
      }
      return ok(view());
    },
    async chooseGalleryFolder(): Promise<IpcResult<PreferencesView>> {
      const folder = await deps.chooseFolder(deps.service.get().galleryFolder);
      if (folder === undefined) return ok(view());
      const saved = deps.service.update({ galleryFolder: folder });
      return saved.ok ? ok(view()) : saved;
    },
  };
}
