import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * "Launch at login". Electron's app.setLoginItemSettings covers macOS and Windows; Linux
 * desktops follow the XDG autostart spec instead: a .desktop file in ~/.config/autostart.
 */
export function autostartDesktopEntry(exec: string): string {
  // Desktop Entry Exec quoting: wrap in double quotes, escape ", `, $ and \ inside.
  const quoted = `"${exec.replace(/(["`$\\])/g, '\\$1')}"`;
  return ['[Desktop Entry]', 'Type=Application', 'Name=PromptPixels', 'Comment=AI creative tools, one shortcut away', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join('\n');
}

export function setLinuxAutostart(enabled: boolean, opts: { configDir: string; exec: string }): void {
  const dir = join(opts.configDir, 'autostart');
  const file = join(dir, 'promptpixels.desktop');
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, autostartDesktopEntry(opts.exec));
}
