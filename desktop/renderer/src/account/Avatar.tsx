import type { Account } from '../../../shared/ipc-types.ts';

/**
 * The user's initials in a coloured disc. Remote pictures are not loaded: the renderer makes
 * no network requests of its own (its CSP allows only local images).
 */
export function Avatar({ user, size = 'small' }: { user: Account | null; size?: 'small' | 'large' }) {
  const label = user?.name || user?.email || '?';
  const initials = label
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
  // A stable colour per account from a fixed palette (classes, not inline styles: the CSP forbids those).
  const tone = [...(user?.id ?? label)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 8, 7);
  return (
    <span className={`avatar avatar-${size} avatar-tone-${tone}`} aria-hidden="true">
      {initials || '?'}
    </span>
  );
}

export const displayName = (user: Account | null) => user?.name || user?.email || 'Your account';
