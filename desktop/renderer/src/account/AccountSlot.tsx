import { useEffect, useRef, useState } from 'react';
import { mainApi } from '../common/pp.ts';
import { runAuthAction, useAuth } from '../stores/auth.ts';
import { useNavigation } from '../stores/navigation.ts';
import { Avatar, displayName } from './Avatar.tsx';

/** The header's account slot: "Sign in" when signed out; name and avatar with a menu when in. */
export function AccountSlot() {
  const state = useAuth((s) => s.state);
  const go = useNavigation((s) => s.go);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !trigger.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        trigger.current?.focus();
      }
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
        const i = items.indexOf(document.activeElement as HTMLElement);
        items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
      }
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (state.status !== 'signed_in') {
    const waiting = state.status === 'waiting' || state.status === 'completing';
    return (
      <button type="button" className="account-slot" onClick={() => go('account')} data-slot="account" disabled={state.status === 'restoring'}>
        {state.status === 'restoring' ? 'Signing in…' : waiting ? 'Finish in browser…' : 'Sign in'}
      </button>
    );
  }

  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="account-menu-wrap">
      <button
        ref={trigger}
        type="button"
        className="account-slot signed-in"
        data-slot="account"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar user={state.user} />
        <span className="account-name">{displayName(state.user)}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menu} className="menu card" role="menu" aria-label="Account">
          <div className="menu-header">
            <strong>{displayName(state.user)}</strong>
            {state.user?.email && <span className="muted small">{state.user.email}</span>}
          </div>
          <button type="button" role="menuitem" onClick={choose(() => (window.location.hash = '/account'))}>
            Account
          </button>
          <button type="button" role="menuitem" onClick={choose(() => (window.location.hash = '/account/devices'))}>
            Devices
          </button>
          <button type="button" role="menuitem" className="danger" onClick={choose(() => void runAuthAction(mainApi().auth.signOut))}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
