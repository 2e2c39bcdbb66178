/**
 * Turns a key press in the shortcut recorder into an Electron accelerator string, e.g.
 * Ctrl+Shift+Space → "CommandOrControl+Shift+Space". Undefined while only modifiers are held
 * or when the combination has no modifier (a bare key cannot be a global shortcut).
 */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const NAMED: Record<string, string> = {
  Space: 'Space', Enter: 'Enter', Tab: 'Tab', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert',
  ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right', Home: 'Home', End: 'End',
  PageUp: 'PageUp', PageDown: 'PageDown', Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']',
  Backslash: '\\', Semicolon: ';', Quote: "'", Comma: ',', Period: '.', Slash: '/', Backquote: '`',
};

function keyName(code: string): string | undefined {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED[code];
}

export function acceleratorFromKey(press: KeyPress, isMac: boolean): string | undefined {
  const key = keyName(press.code);
  if (!key) return undefined;
  const mods: string[] = [];
  // The platform's main modifier maps to CommandOrControl so one setting works on every OS.
  const primary = isMac ? press.metaKey : press.ctrlKey;
  const secondary = isMac ? press.ctrlKey : press.metaKey;
  if (primary) mods.push('CommandOrControl');
  if (secondary) mods.push(isMac ? 'Control' : 'Super');
  if (press.altKey) mods.push('Alt');
  if (press.shiftKey) mods.push('Shift');
  if (mods.length === 0 || (mods.length === 1 && mods[0] === 'Shift')) return undefined;
  return [...mods, key].join('+');
}

/** How an accelerator reads to this user ("Ctrl+Shift+Space", "⌘⇧Space"). */
export function displayAccelerator(accelerator: string, isMac: boolean): string {
  const parts = accelerator.split('+').map((p) => {
    if (/^(CommandOrControl|CmdOrCtrl)$/i.test(p)) return isMac ? '⌘' : 'Ctrl';
    if (/^(Command|Cmd)$/i.test(p)) return '⌘';
    if (/^(Control|Ctrl)$/i.test(p)) return isMac ? '⌃' : 'Ctrl';
    if (/^(Alt|Option)$/i.test(p)) return isMac ? '⌥' : 'Alt';
    if (/^Shift$/i.test(p)) return isMac ? '⇧' : 'Shift';
    return p;
  });
  return isMac ? parts.join('') : parts.join('+');
}
