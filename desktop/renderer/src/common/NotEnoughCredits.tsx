import { formatCredits } from '../stores/credits.ts';
import { useNavigation } from '../stores/navigation.ts';

/**
 * The one "not enough credits" prompt every billed tool shows (e.g. on a 402
 * insufficient_credits): what it costs, what the user has, and a way to buy more.
 */
export function NotEnoughCredits({ needed, available, onDismiss }: { needed: number; available: number; onDismiss?: () => void }) {
  const go = useNavigation((s) => s.go);
  return (
    <div className="not-enough" role="alert">
      <div>
        <strong>Not enough credits.</strong> This costs {formatCredits(needed)} credits; you have {formatCredits(available)}.
      </div>
      <div className="not-enough-actions">
        <button type="button" className="button primary" onClick={() => go('credits')}>
          Buy credits
        </button>
        {onDismiss ? (
          <button type="button" className="button" onClick={onDismiss}>
            Not now
          </button>
        ) : null}
      </div>
    </div>
  );
}
