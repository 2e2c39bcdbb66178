import { useNavigation } from '../stores/navigation.ts';

/** An error in words, with the one action that fixes it where there is one. */
export function ErrorNotice({ error, onRetry }: { error: { code: string; message: string }; onRetry?: (() => void) | undefined }) {
  const go = useNavigation((s) => s.go);
  const fix =
    error.code === 'insufficient_credits' ? (
      <button type="button" className="button small" onClick={() => go('credits')}>
        Buy credits
      </button>
    ) : error.code === 'not_signed_in' ? (
      <button type="button" className="button small" onClick={() => go('account')}>
        Sign in
      </button>
    ) : error.code === 'terms_not_accepted' ? (
      <button type="button" className="button small" onClick={() => go('account')}>
        Review terms
      </button>
    ) : onRetry ? (
      <button type="button" className="button small" onClick={onRetry}>
        Retry
      </button>
    ) : null;
  return (
    <div className={`notice notice-error code-${error.code}`} role="alert">
      <span>{headline(error.code) ?? error.message}</span>
      {headline(error.code) && <span className="muted"> {error.message}</span>}
      {fix}
    </div>
  );
}

function headline(code: string): string | undefined {
  switch (code) {
    case 'insufficient_credits':
      return 'Not enough credits.';
    case 'not_signed_in':
      return 'Sign in to generate images.';
    case 'content_policy_violation':
      return 'The provider refused this prompt. Nothing was charged.';
    case 'backend_unreachable':
      return 'PromptPixels cannot reach its service.';
    default:
      return undefined;
  }
}
