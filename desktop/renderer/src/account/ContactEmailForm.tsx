import { useEffect, useState, type FormEvent } from 'react';
import { mainApi } from '../common/pp.ts';
import type { Account } from '../../../shared/auth-types.ts';

/** Rectification: the email PromptPixels writes to, separate from the Google sign-in email. */
export function ContactEmailForm({ user }: { user: Account | null }) {
  const current = user?.contactEmail ?? '';
  const [email, setEmail] = useState(current);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  useEffect(() => setEmail(current), [current]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    const trimmed = email.trim();
    const res = await mainApi().account.update({ contactEmail: trimmed === '' || trimmed === user?.email ? null : trimmed });
    setSaving(false);
    setMessage(res.ok ? { kind: 'ok', text: 'Saved.' } : { kind: 'error', text: res.error.code === 'invalid_payload' ? 'Enter a valid email address.' : res.error.message });
  };

  return (
    <>
      <form className="field-row" onSubmit={(e) => void save(e)}>
        <label htmlFor="account-contact-email">Contact email</label>
        <input id="account-contact-email" type="email" value={email} maxLength={254} onChange={(e) => setEmail(e.target.value)} />
        <button type="submit" className="button primary" disabled={saving || email.trim() === current}>
          {saving ? 'Saving…' : 'Save'}
        </button>
      </form>
      {message && (
        <p className={message.kind === 'ok' ? 'ok' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </>
  );
}
