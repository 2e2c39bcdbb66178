/**
 * The tray menu as plain data: what it shows for a given state, and what each entry does.
 * The Electron edge renders it to a Menu; tests read it directly.
 */
export interface RecentResult {
  id: string;
  /** Shown as the entry's label: the prompt, shortened. */
  title: string;
  /** Small image file shown beside the label. */
  thumbnailPath: string | undefined;
}

export type TrayAuth = { signedIn: false } | { signedIn: true; name: string };

export interface TrayMenuState {
  auth: TrayAuth;
  /** undefined while unknown (signed out, or not fetched yet). */
  creditBalance: number | undefined;
  recent: readonly RecentResult[];
  /** Electron accelerator of the global shortcut, shown beside "Quick generate…". */
  shortcut: string | undefined;
}

export type TrayAction =
  | { type: 'quick-generate' }
  | { type: 'open-main' }
  | { type: 'open-result'; id: string }
  | { type: 'open-gallery' }
  | { type: 'open-credits' }
  | { type: 'sign-in' }
  | { type: 'sign-out' }
  | { type: 'preferences' }
  | { type: 'quit' };

export type TrayMenuEntry =
  | { kind: 'action'; label: string; action: TrayAction; accelerator?: string; icon?: string }
  | { kind: 'note'; label: string }
  | { kind: 'separator' };

export const RECENT_IN_MENU = 5;
const TITLE_MAX = 40;

export function shortenTitle(title: string): string {
  const oneLine = title.replace(/\s+/g, ' ').trim() || 'Untitled';
  return oneLine.length <= TITLE_MAX ? oneLine : `${oneLine.slice(0, TITLE_MAX - 1).trimEnd()}…`;
}

const formatCredits = (n: number) => `${n.toLocaleString('en-US')} credit${n === 1 ? '' : 's'}`;

export function buildTrayMenu(state: TrayMenuState): TrayMenuEntry[] {
  const entries: TrayMenuEntry[] = [
    { kind: 'action', label: 'Quick generate…', action: { type: 'quick-generate' }, ...(state.shortcut ? { accelerator: state.shortcut } : {}) },
    { kind: 'action', label: 'Open PromptPixels', action: { type: 'open-main' } },
    { kind: 'separator' },
  ];

  if (state.recent.length === 0) entries.push({ kind: 'note', label: 'No recent results' });
  else {
    entries.push({ kind: 'note', label: 'Recent results' });
    for (const r of state.recent.slice(0, RECENT_IN_MENU)) {
      entries.push({ kind: 'action', label: shortenTitle(r.title), action: { type: 'open-result', id: r.id }, ...(r.thumbnailPath ? { icon: r.thumbnailPath } : {}) });
    }
    if (state.recent.length > RECENT_IN_MENU) entries.push({ kind: 'action', label: 'Show all in Gallery', action: { type: 'open-gallery' } });
  }
  entries.push({ kind: 'separator' });

  if (state.auth.signedIn) {
    const balance = state.creditBalance === undefined ? 'Credits…' : `Credits: ${formatCredits(state.creditBalance)}`;
    entries.push({ kind: 'action', label: balance, action: { type: 'open-credits' } });
    entries.push({ kind: 'action', label: `Sign out (${state.auth.name})`, action: { type: 'sign-out' } });
  } else {
    entries.push({ kind: 'action', label: 'Sign in…', action: { type: 'sign-in' } });
  }
  entries.push({ kind: 'separator' });
  entries.push({ kind: 'action', label: 'Preferences…', action: { type: 'preferences' } });
  entries.push({ kind: 'action', label: 'Quit PromptPixels', action: { type: 'quit' } });
  return entries;
}
