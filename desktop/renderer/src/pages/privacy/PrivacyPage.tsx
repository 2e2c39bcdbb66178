import { useEffect, useState } from 'react';
import { mainApi } from '../../common/pp.ts';
import type { Consents } from '../../../../shared/ipc-types.ts';
import { ContactForm } from './ContactForm.tsx';
import { DeleteAccount } from './DeleteAccount.tsx';
import { LegalDialog } from './LegalDialog.tsx';
import { PRIVACY_POLICY, TERMS } from './legal-texts.ts';
import './privacy.css';

type AccountState = { kind: 'loading' } | { kind: 'signed-out' } | { kind: 'error'; message: string } | { kind: 'ready'; consents: Consents } | { kind: 'deleted' };

const CONSENT_TEXT: Record<keyof Consents, { label: string; detail: string }> = {
  prompt_logging: { label: 'Prompt logging', detail: 'Keep my prompts and settings for up to 7 days to improve and debug PromptPixels. Turning this off deletes them now.' },
  usage_analytics: { label: 'Usage analytics', detail: 'Count my uses of each tool in aggregate statistics (no prompts, no images, nothing that identifies me).' },
};

export function PrivacyPage() {
  const [account, setAccount] = useState<AccountState>({ kind: 'loading' });
  const [legal, setLegal] = useState<'policy' | 'terms' | undefined>();
  const [exportState, setExportState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; path: string } | { kind: 'error'; message: string }>({ kind: 'idle' });

  useEffect(() => {
    void mainApi()
      .privacy.getConsents()
      .then((res) => {
        if (res.ok) setAccount({ kind: 'ready', consents: res.value });
        else if (res.error.code === 'not_signed_in' || res.error.code === 'unauthorized') setAccount({ kind: 'signed-out' });
        else setAccount({ kind: 'error', message: res.error.message });
      });
  }, []);

  async function toggle(key: keyof Consents, value: boolean) {
    if (account.kind !== 'ready') return;
    setAccount({ kind: 'ready', consents: { ...account.consents, [key]: value } });
    const res = await mainApi().privacy.setConsents({ [key]: value });
    if (res.ok) setAccount({ kind: 'ready', consents: res.value });
    else setAccount({ kind: 'error', message: res.error.message });
  }

  async function download() {
    setExportState({ kind: 'working' });
    const res = await mainApi().privacy.exportMyData();
    if (!res.ok) setExportState({ kind: 'error', message: res.error.message });
    else setExportState(res.value.saved ? { kind: 'done', path: res.value.path } : { kind: 'idle' });
  }

  return (
    <section className="page privacy-page">
      {account.kind === 'deleted' && (
        <div className="card notice" role="status">
          Your account was deleted. Thank you for using PromptPixels. Add Text to Image still works without an account.
        </div>
      )}

      <div className="card">
        <h2>Your data</h2>
        {account.kind === 'signed-out' && <p className="muted">Sign in to download your data, change your choices or delete your account.</p>}
        {account.kind === 'error' && <p role="alert" className="error-text">{account.message}</p>}
        {account.kind === 'ready' && (
          <div className="stack">
            <p>Download everything PromptPixels holds about you, with the prompts and settings of the images on this computer, as one archive.</p>
            <div className="row-end">
              {exportState.kind === 'done' && <span role="status" className="ok-text">Saved to {exportState.path}</span>}
              {exportState.kind === 'error' && <span role="alert" className="error-text">{exportState.message}</span>}
              <button type="button" className="btn" onClick={() => void download()} disabled={exportState.kind === 'working'}>
                {exportState.kind === 'working' ? 'Preparing…' : 'Download my data'}
              </button>
            </div>
          </div>
        )}
      </div>

      {account.kind === 'ready' && (
        <div className="card">
          <h2>Your choices</h2>
          <div className="stack">
            {(Object.keys(CONSENT_TEXT) as Array<keyof Consents>).map((key) => (
              <label key={key} className="toggle-row">
                <span>
                  <strong>{CONSENT_TEXT[key].label}</strong>
                  <span className="muted">{CONSENT_TEXT[key].detail}</span>
                </span>
                <input type="checkbox" role="switch" checked={account.consents[key]} onChange={(e) => void toggle(key, e.target.checked)} aria-label={CONSENT_TEXT[key].label} />
              </label>
            ))}
          </div>
        </div>
      )}

      <div className="card">
        <h2>Contact us</h2>
        <p className="muted">Questions about your data? Choose “Privacy Policy Inquiry”.</p>
        <ContactForm />
      </div>

      {account.kind === 'ready' && (
        <div className="card danger-zone">
          <h2>Delete my account</h2>
          <DeleteAccount onDeleted={() => setAccount({ kind: 'deleted' })} />
        </div>
      )}

      <div className="card legal-links">
        <h2>Legal</h2>
        <div className="row">
          <button type="button" className="btn" onClick={() => setLegal('policy')}>
            Privacy policy
          </button>
          <button type="button" className="btn" onClick={() => setLegal('terms')}>
            Terms of service
          </button>
        </div>
      </div>
      {legal && <LegalDialog title={legal === 'policy' ? 'Privacy policy' : 'Terms of service'} sections={legal === 'policy' ? PRIVACY_POLICY : TERMS} onClose={() => setLegal(undefined)} />}
    </section>
  );
}
