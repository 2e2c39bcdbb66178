import { useEffect, useRef } from 'react';
import { mainApi } from '../common/pp.ts';
import { runAuthAction, useAuth } from '../stores/auth.ts';

/** Google's "G" mark, drawn inline so nothing is fetched. */
function GoogleMark() {
  return (
    <svg width="18" height="18" viewBox="0 0 48 48" aria-hidden="true">
      <path fill="#FFC107" d="M43.6 20.5H42V20H24v8h11.3C33.7 32.7 29.2 36 24 36c-6.6 0-12-5.4-12-12s5.4-12 12-12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 12.9 4 4 12.9 4 24s8.9 20 20 20 20-8.9 20-20c0-1.3-.1-2.4-.4-3.5z" />
      <path fill="#FF3D00" d="M6.3 14.7l6.6 4.8C14.7 15.1 19 12 24 12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 16.3 4 9.7 8.3 6.3 14.7z" />
      <path fill="#4CAF50" d="M24 44c5.2 0 9.9-2 13.4-5.2l-6.2-5.2C29.2 35.1 26.7 36 24 36c-5.2 0-9.6-3.3-11.3-8l-6.5 5C9.5 39.6 16.2 44 24 44z" />
      <path fill="#1976D2" d="M43.6 20.5H42V20H24v8h11.3c-.8 2.2-2.2 4.2-4.1 5.6l6.2 5.2C37 39.2 44 34 44 24c0-1.3-.1-2.4-.4-3.5z" />
    </svg>
  );
}

/** Signed out: the Google button. Waiting: "Finish signing in in your browser", cancel and retry. */
export function SignInScreen() {
  const state = useAuth((s) => s.state);
  const actionError = useAuth((s) => s.actionError);
  const api = mainApi();
  const start = () => runAuthAction(api.auth.startSignIn);
  const cancel = () => runAuthAction(api.auth.cancelSignIn);
  const primary = useRef<HTMLButtonElement>(null);
  useEffect(() => primary.current?.focus(), [state.status]);

  // The backend forgets an unfinished attempt after a while; say so instead of waiting forever.
  const expiresAt = state.status === 'waiting' ? state.expiresAt : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setTimeout(
      () =>
        void runAuthAction(api.auth.cancelSignIn).then(() =>
          useAuth.getState().setActionError('The sign-in took too long and was stopped. Try again.'),
        ),
      Math.max(0, expiresAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [expiresAt, api]);

  useEffect(() => {
    if (state.status !== 'waiting') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (state.status === 'waiting' || state.status === 'completing') {
    return (
      <section className="page signin" aria-labelledby="signin-title">
        <div className="card signin-card" aria-busy="true">
          <div className="spinner" aria-hidden="true" />
          <h2 id="signin-title">{state.status === 'completing' ? 'Signing you in…' : 'Finish signing in in your browser'}</h2>
          <p className="muted">
            {state.status === 'completing'
              ? 'Almost there.'
              : 'We opened Google sign-in in your browser. When you are done there, your browser will bring you back here.'}
          </p>
          {state.status === 'waiting' && (
            <div className="signin-actions">
              <button ref={primary} type="button" className="button primary" onClick={() => void start()}>
                Open the browser again
              </button>
              <button type="button" className="button secondary" onClick={() => void cancel()}>
                Cancel
              </button>
            </div>
          )}
        </div>
      </section>
    );
  }

  const error = actionError ?? (state.status === 'signed_out' ? state.error?.message : undefined);
  return (
    <section className="page signin" aria-labelledby="signin-title">
      <div className="card signin-card">
        <h2 id="signin-title">Sign in to PromptPixels</h2>
        <p className="muted">Sign in to generate images, keep your credits and see your devices. Add Text to Image works without an account.</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button ref={primary} type="button" className="button google" onClick={() => void start()} disabled={state.status === 'restoring'}>
          <GoogleMark /> Sign in with Google
        </button>
        <p className="muted small">Sign-in happens in your browser. PromptPixels never sees your Google password.</p>
      </div>
    </section>
  );
}
