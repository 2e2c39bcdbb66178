import { buildTrayMenu, type TrayAction, type TrayMenuEntry, type TrayMenuState } from './tray-menu.ts';

/** The parts of Electron's Tray this service uses. */
export interface TrayLike {
  setImage(image: string): void;
  setToolTip(tip: string): void;
  setContextMenu(menu: unknown): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

/** An Electron MenuItemConstructorOptions subset: what the edge passes to Menu.buildFromTemplate. */
export interface MenuTemplateItem {
  type?: 'separator' | 'normal';
  label?: string;
  enabled?: boolean;
  accelerator?: string;
  /** Electron menu icons must be small images; the edge loads and resizes this path. */
  icon?: string;
  click?: () => void;
}

export interface TrayIcons {
  /** Dark glyph, for light menu bars (and macOS template images). */
  dark: string;
  /** Light glyph, for dark menu bars. */
  light: string;
}

export interface TrayService {
  update(state: Partial<TrayMenuState>): void;
  /** Current state, for tests and the edge. */
  state(): TrayMenuState;
  destroy(): void;
}

export function toMenuTemplate(entries: readonly TrayMenuEntry[], onAction: (a: TrayAction) => void): MenuTemplateItem[] {
  return entries.map((e): MenuTemplateItem => {
    if (e.kind === 'separator') return { type: 'separator' };
    if (e.kind === 'note') return { label: e.label, enabled: false };
    const item: MenuTemplateItem = { label: e.label, click: () => onAction(e.action) };
    if (e.accelerator) item.accelerator = e.accelerator;
    if (e.icon) item.icon = e.icon;
    return item;
  });
}

/** Which glyph suits the bar: macOS tints a template image itself; elsewhere follow the theme. */
export function trayIconFor(icons: TrayIcons, platform: string, darkBar: boolean): string {
  if (platform === 'darwin') return icons.dark;
  return darkBar ? icons.light : icons.dark;
}

/**
 * The tray icon and its menu. Electron's Tray and Menu come in as factories, so the menu a
 * state produces and what its entries do are tested in Node with fakes.
 */
export function createTrayService(deps: {
  createTray: (icon: string) => TrayLike;
  buildMenu: (template: MenuTemplateItem[]) => unknown;
  icons: TrayIcons;
  platform: string;
  /** Whether the OS bar is dark (nativeTheme.shouldUseDarkColors), and a way to follow changes. */
  darkBar: () => boolean;
  onThemeChange: (listener: () => void) => void;
  onAction: (action: TrayAction) => void;
  initial: TrayMenuState;
}): TrayService {
  let state = deps.initial;
  const tray = deps.createTray(trayIconFor(deps.icons, deps.platform, deps.darkBar()));
  tray.setToolTip('PromptPixels');
  const render = () => tray.setContextMenu(deps.buildMenu(toMenuTemplate(buildTrayMenu(state), deps.onAction)));
  render();
  // Linux and Windows open the menu on right click; a left click is the quick way in.
  if (deps.platform !== 'darwin') tray.on('click', () => deps.onAction({ type: 'quick-generate' }));
  deps.onThemeChange(() => tray.setImage(trayIconFor(deps.icons, deps.platform, deps.darkBar())));

  return {
    update(patch) {
      state = { ...state, ...patch };
      render();
    },
    state: () => state,
    destroy: () => tray.destroy(),
  };
}
