import { Menu, nativeImage, nativeTheme, Tray, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { TrayAction, TrayMenuState } from './tray-menu.ts';
import { createTrayService, type MenuTemplateItem, type TrayService } from './tray-service.ts';

/** The Electron edge of the tray: real Tray, Menu and images around the tested service. */
export function createElectronTray(opts: {
  resourcesDir: string;
  onAction: (action: TrayAction) => void;
  initial: TrayMenuState;
}): TrayService {
  const mac = process.platform === 'darwin';
  // Electron picks tray-*@2x.png beside the file on high-DPI screens; macOS tints template images.
  const image = (path: string) => {
    const img = nativeImage.createFromPath(path);
    if (mac) img.setTemplateImage(true);
    return img;
  };
  const toElectron = (item: MenuTemplateItem): MenuItemConstructorOptions => {
    const { icon, ...rest } = item;
    return icon ? { ...rest, icon: nativeImage.createFromPath(icon).resize({ width: 16, height: 16 }) } : rest;
  };
  return createTrayService({
    createTray: (icon) => {
      const tray = new Tray(image(icon));
      return {
        setImage: (path) => tray.setImage(image(path)),
        setToolTip: (tip) => tray.setToolTip(tip),
        setContextMenu: (menu) => tray.setContextMenu(menu as Menu),
        on: (event, listener) => tray.on(event, listener),
        destroy: () => tray.destroy(),
      };
    },
    buildMenu: (template) => Menu.buildFromTemplate(template.map(toElectron)),
    icons: { dark: join(opts.resourcesDir, 'tray-dark.png'), light: join(opts.resourcesDir, 'tray-light.png') },
    platform: process.platform,
    darkBar: () => nativeTheme.shouldUseDarkColors,
    onThemeChange: (listener) => nativeTheme.on('updated', listener),
    onAction: opts.onAction,
    initial: opts.initial,
  });
}
