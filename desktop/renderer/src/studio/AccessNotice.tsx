import { useNavigation } from '../stores/navigation.ts';

/** Says plainly why generating is not possible right now, and what fixes it. */
export function AccessNotice({ offline, signedIn, onRetry }: { offline: boolean; signedIn: boolean | undefined; onRetry: () => void }) {
  const go = useNavigation((s) => s.go);
  if (offline) {
    return (
      <div className="notice notice-warn" role="alert">
        <strong>You are offline.</strong>
        <span>Generating needs the PromptPixels service, which cannot be reached. Your gallery and Add Text still work.</span>
        <button type="button" className="button small" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  }
  if (signedIn === false) {
    return (
      <div className="notice notice-info" role="alert">
        <strong>You are signed out.</strong>
        <span>Sign in to generate images; prices are shown so you can plan.</span>
        <button type="button" className="button small" onClick={() => go('account')}>
          Sign in
        </button>
      </div>
    );
  }
  return null;
}
