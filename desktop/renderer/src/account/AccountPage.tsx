import { useEffect, useState, type FormEvent } from 'react';
import { mainApi } from '../common/pp.ts';
import { ContactEmailForm } from './ContactEmailForm.tsx';
import { runAuthAction, useAuth } from '../stores/auth.ts';
import { Avatar, displayName } from './Avatar.tsx';
import { DevicesPanel } from './DevicesPanel.tsx';
import { formatDate } from './format.ts';
import { SignInScreen } from './SignInScreen.tsx';
import { TermsDialog } from './TermsDialog.tsx';

/** `#/account/devices` → 'devices'; the Account area's own tabs live after the area id. */
function useAccountTab(): ['profile' | 'devices', (tab: 'profile' | 'devices') => void] {
  const read = () => (window.location.hash.replace(/^#\/?/, '').split('/')[1] === 'devices' ? 'devices' : 'profile');
  const [tab, setTab] = useState<'profile' | 'devices'>(read);
  useEffect(() => {
    const onHash = () => setTab(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [tab, (next) => (window.location.hash = next === 'devices' ? '/account/devices' : '/account')];
}


/** Signed out: the sign-in screen. Signed in: profile (name, terms, sign out) and devices. */
export function AccountPage() {
  const state = useAuth((s) => s.state);
  const [tab, setTab] = useAccountTab();
  if (state.status !== 'signed_in') return <SignInScreen />;
  return (
    <section className="page account">
      <div className="tabs" role="tablist" aria-label="Account">
        <button type="button" role="tab" aria-selected={tab === 'profile'} onClick={() => setTab('profile')}>
          Profile
        </button>
        <button type="button" role="tab" aria-selected={tab === 'devices'} onClick={() => setTab('devices')}>
          Devices
        </button>
      </div>
      {tab === 'devices' ? <DevicesPanel /> : <ProfilePanel />}
    </section>
  );
}

function ProfilePanel() {
  const api = mainApi();
  const state = useAuth((s) => s.state);
  const user = state.status === 'signed_in' ? state.user : null;
  const [name, setName] = useState(user?.name ?? '');
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [showTerms, setShowTerms] = useState(false);

  useEffect(() => {
    void api.account.get();
  }, [api]);
  useEffect(() => setName(user?.name ?? ''), [user?.name]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const res = await api.account.update({ name });
    setSaving(false);
    setMessage(res.ok ? { kind: 'ok', text: 'Saved.' } : { kind: 'error', text: res.error.message });
  };

  return (
    <div className="card profile">
      <div className="profile-head">
        <Avatar user={user} size="large" />
        <div>
          <h2>{displayName(user)}</h2>
          <div className="muted">{user?.email ?? 'No verified email'}</div>
          {user && <div className="muted small">Member since {formatDate(user.createdAt)}</div>}
        </div>
      </div>
      <form className="field-row" onSubmit={(e) => void save(e)}>
        <label htmlFor="account-name">Display name</label>
        <input id="account-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        <button type="submit" className="button primary" disabled={saving || !name.trim() || name.trim() === user?.name}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </form>
      {message && (
        <p className={message.kind === 'ok' ? 'ok' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <ContactEmailForm user={user} />
      <div className="terms-row">
        {user?.termsAcceptedAt ? (
          <span className="muted">Terms accepted on {formatDate(user.termsAcceptedAt)}.</span>
        ) : (
          <>
            <span className="warn-text">Accept the terms to use paid tools.</span>
            <button type="button" className="button primary" onClick={() => setShowTerms(true)}>
              Review terms
            </button>
          </>
        )}
      </div>
      <div className="profile-actions">
        <button type="button" className="button secondary" onClick={() => void runAuthAction(api.auth.signOut)}>
          Sign out
        </button>
      </div>
      {showTerms && <TermsDialog onDone={() => setShowTerms(false)} />}
    </div>
  );
}
