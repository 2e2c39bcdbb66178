import type { PreferencesView } from '../../shared/preferences.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { ShortcutService } from '../shortcut-service.ts';
import type { PreferencesService } from './preferences-service.ts';

/**
 * Preference changes from the Preferences page. A new shortcut is registered before it is
 * saved, so a combination another app owns is refused and the old one keeps working; the
 * gallery folder is chosen with the OS dialog (passed in) rather than typed.
 */
export function createPreferencesController(deps: {
  service: PreferencesService;
  shortcuts: ShortcutService;
  chooseFolder: (current: string | null) => Promise<string | undefined>;
}) {
  const view = (): PreferencesView => ({ preferences: deps.service.get(), notice: deps.service.notice?.message ?? null });

  return {
    get: view,
    update(patch: unknown): IpcResult<PreferencesView> {
      const shortcut = typeof patch === 'object' && patch !== null && 'shortcut' in patch ? (patch as { shortcut: unknown }).shortcut : undefined;
      const previous = deps.shortcuts.current();
      // Validate everything first (a bad value changes nothing), then register, then save.
      const probe = deps.service.validate(patch);
      if (!probe.ok) return probe;
      if (typeof shortcut === 'string' && shortcut !== deps.service.get().shortcut) {
        const bound = deps.shortcuts.bind(shortcut);
        if (!bound.ok) return fail(bound.code, bound.message, { kept: bound.kept ?? null });
      }
      const saved = deps.service.update(patch);
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
