import { useEffect } from 'react';
import type { CreditPack, PendingPurchase } from '../../../../shared/ipc-types.ts';
import { mainApi } from '../../common/pp.ts';
import { formatCredits, formatPrice, useCredits } from '../../stores/credits.ts';
import { useNavigation } from '../../stores/navigation.ts';
import { History } from './History.tsx';
import { UsageChart } from './UsageChart.tsx';

/** The Credits area: balance, packs to buy, usage by tool over time, and every transaction. */
export function CreditsPage() {
  const api = mainApi().credits;
  const s = useCredits();
  const go = useNavigation((n) => n.go);
  const signedIn = s.state?.signedIn === true;

  useEffect(() => {
    if (signedIn) void useCredits.getState().loadPage(api);
  }, [signedIn, api]);

  if (s.state === undefined) return <section className="page credits-page"><p className="muted">Loading your credits…</p></section>;
  if (!s.state.signedIn) {
    return (
      <section className="page credits-page">
        <div className="card">
          <h2>Sign in to see your credits</h2>
          <p className="muted">Credits pay for the AI tools. Sign in to see your balance, buy packs and see where every credit went.</p>
          <button type="button" className="button primary" onClick={() => go('account')}>
            Sign in
          </button>
        </div>
      </section>
    );
  }
  const purchase = s.state.purchase;
  const waiting = purchase?.state === 'waiting';

  return (
    <section className="page credits-page">
      <div className="card balance-card">
        <div>
          <div className="muted">Available</div>
          <div className="balance-figure" data-testid="balance">
            {formatCredits(s.state.available)} <span className="balance-unit">credits</span>
          </div>
          {s.state.held > 0 ? <div className="muted">{formatCredits(s.state.held)} held for work in progress</div> : null}
        </div>
        {purchase ? <PurchaseBanner purchase={purchase} onDismiss={() => void s.dismissPurchase(api)} /> : null}
      </div>

      <h3 className="section-title">Buy credits</h3>
      {s.packsError ? (
        <p className="error-note" role="alert">
          {s.packsError.code === 'billing_not_configured' ? 'Buying credits is not available right now.' : s.packsError.message}
        </p>
      ) : null}
      {s.buyError ? <p className="error-note" role="alert">{s.buyError.message}</p> : null}
      <div className="packs">
        {(s.packs ?? []).map((p) => (
          <PackCard key={p.id} pack={p} busy={s.buying === p.id} disabled={waiting || s.buying !== undefined} onBuy={() => void s.buy(api, p.id)} />
        ))}
        {s.packs === undefined && !s.packsError ? <p className="muted">Loading packs…</p> : null}
      </div>

      <h3 className="section-title">Usage by tool</h3>
      <div className="card">{s.usage ? <UsageChart usage={s.usage} /> : <p className="muted">Loading usage…</p>}</div>

      <h3 className="section-title">History</h3>
      <div className="card">
        {s.historyError ? <p className="error-note" role="alert">{s.historyError.message}</p> : null}
        <History items={s.history} hasMore={s.nextCursor !== null} loading={s.historyLoading} onMore={() => void s.loadMore(api)} />
      </div>
    </section>
  );
}

function PackCard({ pack, busy, disabled, onBuy }: { pack: CreditPack; busy: boolean; disabled: boolean; onBuy: () => void }) {
  return (
    <div className="card pack" data-pack={pack.id}>
      <div className="pack-credits">{formatCredits(pack.credits)}</div>
      <div className="muted">credits</div>
      <div className="pack-label">{pack.label}</div>
      <div className="pack-price">{pack.price ? formatPrice(pack.price) : <span className="muted">Price shown at checkout</span>}</div>
      <button type="button" className="button primary" onClick={onBuy} disabled={disabled} aria-label={`Buy ${pack.label}`}>
        {busy ? 'Opening checkout…' : 'Buy'}
      </button>
    </div>
  );
}

function PurchaseBanner({ purchase, onDismiss }: { purchase: PendingPurchase; onDismiss: () => void }) {
  if (purchase.state === 'waiting') {
    return (
      <div className="purchase-banner waiting" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <div>
          <strong>Waiting for payment…</strong>
          <div className="muted">Finish paying in your browser. Your credits appear here by themselves.</div>
        </div>
        <button type="button" className="button" onClick={onDismiss}>
          Cancel
        </button>
      </div>
    );
  }
  if (purchase.state === 'landed') {
    return (
      <div className="purchase-banner landed" role="status" aria-live="polite">
        <span aria-hidden="true">✓</span>
        <div>
          <strong>Purchase complete{purchase.credits > 0 ? ` — ${formatCredits(purchase.credits)} credits added` : ''}.</strong>
          <div className="muted">Thank you!</div>
        </div>
        <button type="button" className="button" onClick={onDismiss}>
          Done
        </button>
      </div>
    );
  }
  return (
    <div className="purchase-banner timed-out" role="status" aria-live="polite">
      <div>
        <strong>We have not seen that payment yet.</strong>
        <div className="muted">If you paid, your credits will appear shortly — this page updates when they do.</div>
      </div>
      <button type="button" className="button" onClick={onDismiss}>
        Close
      </button>
    </div>
  );
}
