import type { CreditPack, CreditsState, CreditTransactionsPage, CreditUsage, PendingPurchase } from '../../shared/ipc-types.ts';
import { fail, ok, type IpcResult } from '../../shared/result.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { BackendResponse } from '../backend-client.ts';
import { summarizeUsage } from './usage.ts';

export interface CreditsServiceDeps {
  backend: AuthorizedBackend;
  /** The app's one checked path to the system browser. */
  openExternal: (url: string) => Promise<IpcResult<{ opened: true }>>;
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** How often to re-read while the user pays in the browser, and for how long. */
  checkoutPollMs?: number;
  checkoutWaitMs?: number;
  /** After the return link: re-read quickly for this long until the purchase lands. */
  returnPollMs?: number;
  returnWaitMs?: number;
}

const USAGE_PAGES = 10;

const asResult = <T>(res: BackendResponse<T>): IpcResult<T> =>
  res.ok ? ok(res.body) : fail(res.error.code, res.error.message, res.error.details);

/**
 * The credits side of main: balance, history, packs and checkout. The balance is always what
 * the server says: a purchase counts only once the server's history shows its grant, however
 * the app learnt of it (polling while the browser is open, or the billing return link, which
 * by itself proves nothing). Listeners hear every change (the header stays live).
 */
export function createCreditsService(deps: CreditsServiceDeps) {
  const checkoutPollMs = deps.checkoutPollMs ?? 3_000;
  const checkoutWaitMs = deps.checkoutWaitMs ?? 30 * 60_000;
  const returnPollMs = deps.returnPollMs ?? 1_000;
  const returnWaitMs = deps.returnWaitMs ?? 60_000;
  const listeners = new Set<(state: CreditsState) => void>();
  let last: CreditsState | undefined;
  let purchase: PendingPurchase | undefined;
  let timer: unknown;
  let pollUntil = 0;
  let pollEvery = checkoutPollMs;

  const publish = (state: CreditsState) => {
    const changed = JSON.stringify({ ...state, checkedAt: 0 }) !== JSON.stringify(last ? { ...last, checkedAt: 0 } : undefined);
    last = state;
    if (changed) for (const l of listeners) l(state);
  };

  /** Re-reads the balance (and, while a purchase is pending, whether it landed). */
  async function refresh(): Promise<IpcResult<CreditsState>> {
    if (!deps.backend.isSignedIn()) {
      stopPolling();
      purchase = undefined;
      publish({ signedIn: false });
      return ok({ signedIn: false });
    }
    if (purchase?.state === 'waiting' && (await purchaseLanded(purchase.checkoutId))) {
      purchase = { ...purchase, state: 'landed' };
      stopPolling();
    }
    const res = await deps.backend.request<{ balance: number; held: number; available: number }>('GET', '/v1/credits');
    if (!res.ok) {
      if (res.error.code === 'not_signed_in' || res.error.status === 401) {
        publish({ signedIn: false });
        return ok({ signedIn: false });
      }
      return fail(res.error.code, res.error.message);
    }
    const { balance, held, available } = res.body;
    const state: CreditsState = { signedIn: true, balance, held, available, checkedAt: deps.now(), ...(purchase ? { purchase } : {}) };
    publish(state);
    return ok(state);
  }

  async function purchaseLanded(checkoutId: string): Promise<boolean> {
    const res = await deps.backend.request<CreditTransactionsPage>('GET', '/v1/credits/transactions?limit=20');
    return res.ok && res.body.items.some((t) => t.kind === 'purchase' && t.checkout_id === checkoutId);
  }

  function stopPolling() {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = undefined;
  }

  /** Re-reads every `every` ms until the purchase lands or `ms` have passed (then: timed out). */
  function pollFor(ms: number, every: number) {
    pollUntil = deps.now() + ms;
    pollEvery = every;
    stopPolling();
    const tick = () => {
      timer = undefined;
      void refresh().finally(() => {
        if (purchase?.state !== 'waiting' || timer !== undefined) return;
        if (deps.now() >= pollUntil) {
          purchase = { ...purchase, state: 'timed_out' };
          void refresh();
          return;
        }
        timer = deps.setTimeout(tick, pollEvery);
      });
    };
    timer = deps.setTimeout(tick, every);
  }

  return {
    refresh,
    get: refresh,
    onChange(listener: (state: CreditsState) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async transactions(cursor?: string): Promise<IpcResult<CreditTransactionsPage>> {
      const q = cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
      return asResult(await deps.backend.request<CreditTransactionsPage>('GET', `/v1/credits/transactions${q}`));
    },

    async packs(): Promise<IpcResult<CreditPack[]>> {
      return asResult(await deps.backend.request<CreditPack[]>('GET', '/v1/billing/packs'));
    },

    /** Usage by tool per day over the last `days` days, read from the history (at most 10 pages). */
    async usage(days: number): Promise<IpcResult<CreditUsage>> {
      const since = new Date(deps.now() - days * 86_400_000).toISOString();
      const items: CreditTransactionsPage['items'] = [];
      let cursor: string | null = null;
      for (let page = 0; page < USAGE_PAGES; page++) {
        const q: string = cursor ? `?limit=100&cursor=${encodeURIComponent(cursor)}` : '?limit=100';
        const res = await deps.backend.request<CreditTransactionsPage>('GET', `/v1/credits/transactions${q}`);
        if (!res.ok) return fail(res.error.code, res.error.message);
        items.push(...res.body.items);
        cursor = res.body.next_cursor;
        if (!cursor || (res.body.items.at(-1)?.created_at ?? '') < since) {
          cursor = null;
          break;
        }
      }
      return ok(summarizeUsage(items, days, deps.now(), cursor === null));
    },

    /** Creates a Polar checkout, opens it in the browser and waits (polling) for the credits. */
    async startCheckout(packId: string): Promise<IpcResult<{ checkoutId: string }>> {
      if (!deps.backend.isSignedIn()) return fail('not_signed_in', 'Sign in to buy credits.');
      const packs = await deps.backend.request<CreditPack[]>('GET', '/v1/billing/packs');
      const res = await deps.backend.request<{ checkout_id: string; url: string }>('POST', '/v1/billing/checkout', { body: { pack_id: packId } });
      if (!res.ok) return fail(res.error.code, res.error.message, res.error.details);
      const opened = await deps.openExternal(res.body.url);
      if (!opened.ok) return fail('checkout_not_opened', `The payment page could not be opened: ${opened.error.message}`);
      const credits = (packs.ok ? packs.body.find((p) => p.id === packId)?.credits : undefined) ?? 0;
      purchase = { checkoutId: res.body.checkout_id, packId, credits, startedAt: deps.now(), state: 'waiting' };
      pollFor(checkoutWaitMs, checkoutPollMs);
      await refresh();
      return ok({ checkoutId: res.body.checkout_id });
    },

    /**
     * Called by the deep-link router for promptpixels://billing/return?checkout_id=…: re-reads
     * from the server at once and keeps checking briefly until the purchase lands. The link
     * itself changes nothing.
     */
    async handleBillingReturn(checkoutId: string): Promise<IpcResult<CreditsState>> {
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(checkoutId)) return fail('invalid_payload', 'That billing link is not valid.');
      if (!purchase || purchase.checkoutId !== checkoutId || purchase.state === 'timed_out') {
        // A return for a checkout this run did not start (app restarted meanwhile): wait for it too.
        purchase = { checkoutId, packId: purchase?.checkoutId === checkoutId ? purchase.packId : '', credits: purchase?.checkoutId === checkoutId ? purchase.credits : 0, startedAt: deps.now(), state: 'waiting' };
      }
      const state = await refresh();
      if (purchase.state === 'waiting') pollFor(returnWaitMs, returnPollMs);
      return state;
    },

    /** The user closed the "waiting for payment" note; checking stops, the balance stays live. */
    async dismissCheckout(): Promise<IpcResult<CreditsState>> {
      purchase = undefined;
      stopPolling();
      return refresh();
    },

    stop: stopPolling,
  };
}

export type CreditsService = ReturnType<typeof createCreditsService>;
