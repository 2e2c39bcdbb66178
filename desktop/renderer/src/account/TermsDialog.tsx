import { useEffect, useRef, useState } from 'react';
import { mainApi } from '../common/pp.ts';
import { LegalDialog } from '../pages/privacy/LegalDialog.tsx';
import { PRIVACY_POLICY, TERMS } from '../pages/privacy/legal-texts.ts';
import { useAuth } from '../stores/auth.ts';


/**
 * First run after sign-in: the terms and the 13+ age confirmation, needed before paid tools.
 * "Later" keeps the app usable (Add Text, browsing); the Account page offers it again.
 */
export function TermsDialog({ onDone }: { onDone?: () => void }) {
  const api = mainApi();
  const [age, setAge] = useState(false);
  const [terms, setTerms] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // The texts ship with the app, so they open here, even offline.
  const [reading, setReading] = useState<'terms' | 'policy'>();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const later = () => {
    useAuth.getState().deferTerms();
    onDone?.();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Esc closes the text being read first, not the whole dialog.
      if (e.key === 'Escape' && !reading) later();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const accept = async () => {
    setBusy(true);
    setError(undefined);
    const res = await api.account.acceptTerms();
    setBusy(false);
    if (!res.ok) setError(res.error.message);
    else onDone?.();
  };

  return (
    <div className="dialog-backdrop">
      <div className="dialog card" role="dialog" aria-modal="true" aria-labelledby="terms-title">
        <h2 id="terms-title">Before you start</h2>
        <p className="muted">
          PromptPixels' paid tools send your prompts and images to our AI providers. Please read and accept the{' '}
          <button type="button" className="link" onClick={() => setReading('terms')}>
            Terms of Service
          </button>{' '}
          and the{' '}
          <button type="button" className="link" onClick={() => setReading('policy')}>
            Privacy Policy
          </button>
          .
        </p>
        <label className="check">
          <input ref={first} type="checkbox" checked={age} onChange={(e) => setAge(e.target.checked)} /> I am 13 years old or older
        </label>
        <label className="check">
          <input type="checkbox" checked={terms} onChange={(e) => setTerms(e.target.checked)} /> I accept the Terms of Service and the Privacy Policy
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={later}>
            Later
          </button>
          <button type="button" className="button primary" disabled={!age || !terms || busy} onClick={() => void accept()}>
            {busy ? 'Saving…' : 'Accept and continue'}
          </button>
        </div>
      </div>
      {reading && (
        <LegalDialog
          title={reading === 'terms' ? 'Terms of service' : 'Privacy policy'}
          sections={reading === 'terms' ? TERMS : PRIVACY_POLICY}
          onClose={() => setReading(undefined)}
        />
      )}
    </div>
  );
}

/** Shows the terms dialog once per run for a signed-in user who has not accepted them. */
export function TermsGate() {
  const state = useAuth((s) => s.state);
  const deferred = useAuth((s) => s.termsDeferred);
  if (state.status !== 'signed_in' || !state.user || state.user.termsAcceptedAt || deferred) return null;
  return <TermsDialog />;
}
