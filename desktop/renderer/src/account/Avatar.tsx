import type { Account } from '../../../shared/ipc-types.ts';

/**
 * The user's initials in a coloured disc. Remote pictures are not loaded: the renderer makes
 * no network requests of its own (its CSP allows only local images).
 */
export function Avatar({ user, size = 28 }: { user: Account | null; size?: number }) {
  const label = user?.name || user?.email || '?';
  const initials = label
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
  const hue = [...(user?.id ?? label)].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  return (
    <span className="avatar" aria-hidden="true" style={{ width: size, height: size, fontSize: size * 0.42, background: `hsl(${hue} 55% 48%)` }}>
      {initials || '?'}
    </span>
  );
}

export const displayName = (user: Account | null) => user?.name || user?.email || 'Your account';
