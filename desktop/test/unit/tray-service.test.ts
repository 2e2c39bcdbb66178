import { describe, expect, it } from 'vitest';
import { buildTrayMenu, shortenTitle, type TrayAction, type TrayMenuState } from '../../main/tray/tray-menu.ts';
import { createTrayService, type MenuTemplateItem, type TrayLike } from '../../main/tray/tray-service.ts';

/** A fake Electron Tray + Menu that records what the service did with them. */
function fakeElectron() {
  const record = { images: [] as string[], menus: [] as MenuTemplateItem[][], tooltips: [] as string[], destroyed: false, click: undefined as (() => void) | undefined };
  const createTray = (icon: string): TrayLike => {
    record.images.push(icon);
    return {
      setImage: (i) => void record.images.push(i),
      setToolTip: (t) => void record.tooltips.push(t),
      setContextMenu: (m) => void record.menus.push(m as MenuTemplateItem[]),
      on: (_e, l) => {
        record.click = l;
      },
      destroy: () => {
        record.destroyed = true;
      },
    };
  };
  return { record, createTray, buildMenu: (t: MenuTemplateItem[]) => t };
}

const signedOut: TrayMenuState = { auth: { signedIn: false }, creditBalance: undefined, recent: [], shortcut: 'CommandOrControl+Shift+Space' };
const icons = { dark: '/r/tray-dark.png', light: '/r/tray-light.png' };
const labels = (menu: MenuTemplateItem[]) => menu.map((i) => (i.type === 'separator' ? '—' : i.label));

function start(platform = 'linux', initial = signedOut) {
  const electron = fakeElectron();
  const actions: TrayAction[] = [];
  let dark = false;
  let themeListener = () => undefined as void;
  const service = createTrayService({
    createTray: electron.createTray,
    buildMenu: electron.buildMenu,
    icons,
    platform,
    darkBar: () => dark,
    onThemeChange: (l) => {
      themeListener = l;
    },
    onAction: (a) => actions.push(a),
    initial,
  });
  return { service, actions, record: electron.record, setDark: (d: boolean) => ((dark = d), themeListener()) };
}

describe('the tray', () => {
  it('signed out, the menu offers quick generate with its shortcut, the app, sign-in, preferences and quit', () => {
    const { record } = start();
    const menu = record.menus.at(-1)!;
    expect(labels(menu)).toEqual(['Quick generate…', 'Open PromptPixels', '—', 'No recent results', '—', 'Sign in…', '—', 'Preferences…', 'Quit PromptPixels']);
    expect(menu[0]!.accelerator).toBe('CommandOrControl+Shift+Space');
    expect(menu[3]!.enabled).toBe(false);
    expect(record.tooltips).toEqual(['PromptPixels']);
  });

  it('each entry runs its action when clicked', () => {
    const { record, actions } = start();
    for (const item of record.menus.at(-1)!) item.click?.();
    expect(actions.map((a) => a.type)).toEqual(['quick-generate', 'open-main', 'sign-in', 'preferences', 'quit']);
  });

  it('signed in, it shows the balance and recent results with thumbnails, newest first, and re-renders on change', () => {
    const { service, record, actions } = start();
    service.update({
      auth: { signedIn: true, name: 'ada@example.com' },
      creditBalance: 1250,
      recent: [
        { id: 'g2', title: 'a red   vintage car\non a coastal road at dusk, cinematic lighting, 35mm', thumbnailPath: '/g/g2.png' },
        { id: 'g1', title: 'nail art', thumbnailPath: undefined },
      ],
    });
    const menu = record.menus.at(-1)!;
    expect(labels(menu)).toEqual([
      'Quick generate…', 'Open PromptPixels', '—', 'Recent results', 'a red vintage car on a coastal road at…', 'nail art', '—',
      'Credits: 1,250 credits', 'Sign out (ada@example.com)', '—', 'Preferences…', 'Quit PromptPixels',
    ]);
    expect(menu[4]!.icon).toBe('/g/g2.png');
    expect(menu[5]!.icon).toBeUndefined();
    menu[4]!.click!();
    menu[7]!.click!();
    menu[8]!.click!();
    expect(actions).toEqual([{ type: 'open-result', id: 'g2' }, { type: 'open-credits' }, { type: 'sign-out' }]);
  });

  it('shows at most five recent results and then a way to the gallery', () => {
    const recent = Array.from({ length: 8 }, (_, i) => ({ id: `g${i}`, title: `image ${i}`, thumbnailPath: undefined }));
    const menu = buildTrayMenu({ ...signedOut, recent });
    const results = menu.filter((e) => e.kind === 'action' && e.action.type === 'open-result');
    expect(results).toHaveLength(5);
    expect(menu.some((e) => e.kind === 'action' && e.action.type === 'open-gallery')).toBe(true);
  });

  it('a balance not known yet is not shown as zero', () => {
    const menu = buildTrayMenu({ ...signedOut, auth: { signedIn: true, name: 'ada' } });
    expect(menu.map((e) => (e.kind === 'separator' ? '—' : e.label))).toContain('Credits…');
  });

  it('uses the light glyph on dark bars, the dark one on light bars, and follows theme changes', () => {
    const { record, setDark } = start('linux');
    expect(record.images).toEqual([icons.dark]);
    setDark(true);
    expect(record.images.at(-1)).toBe(icons.light);
    setDark(false);
    expect(record.images.at(-1)).toBe(icons.dark);
  });

  it('on macOS the template glyph is used whatever the theme, and a click opens the menu rather than quick generate', () => {
    const { record, setDark } = start('darwin');
    setDark(true);
    expect(new Set(record.images)).toEqual(new Set([icons.dark]));
    expect(record.click).toBeUndefined();
  });

  it('on Linux and Windows a left click on the icon opens quick generate', () => {
    const { record, actions } = start('win32');
    record.click!();
    expect(actions).toEqual([{ type: 'quick-generate' }]);
  });

  it('the shortcut is left off the menu when none is registered', () => {
    const menu = buildTrayMenu({ ...signedOut, shortcut: undefined });
    expect(menu[0]).not.toHaveProperty('accelerator');
  });

  it('titles are put on one line and shortened', () => {
    expect(shortenTitle('  \n ')).toBe('Untitled');
    expect(shortenTitle('short')).toBe('short');
  });
});
