import { create } from 'zustand';
import type { CreditPack, CreditsState, CreditTransaction, CreditUsage } from '../../../shared/ipc-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import type { MainWindowApi } from '../common/pp.ts';

type CreditsApi = MainWindowApi['credits'];

export const USAGE_DAYS = 14;

interface CreditsStore {
  state: CreditsState | undefined;
  packs: CreditPack[] | undefined;
  packsError: IpcError | undefined;
  history: CreditTransaction[];
  nextCursor: string | null;
  historyLoading: boolean;
  historyError: IpcError | undefined;
  usage: CreditUsage | undefined;
  buying: string | undefined;
  buyError: IpcError | undefined;
  setState: (state: CreditsState) => void;
  loadPage: (api: CreditsApi) => Promise<void>;
  loadMore: (api: CreditsApi) => Promise<void>;
  buy: (api: CreditsApi, packId: string) => Promise<void>;
  dismissPurchase: (api: CreditsApi) => Promise<void>;
}

/** Balance, packs, history and usage as main reports them; the header and Credits page read this. */
export const useCredits = create<CreditsStore>((set, get) => ({
  state: undefined,
  packs: undefined,
  packsError: undefined,
  history: [],
  nextCursor: null,
  historyLoading: false,
  historyError: undefined,
  usage: undefined,
  buying: undefined,
  buyError: undefined,
  setState: (state) => set({ state }),

  async loadPage(api) {
    set({ historyLoading: true, historyError: undefined });
    const [packs, history, usage] = await Promise.all([api.listPacks(), api.listTransactions(), api.getUsage(USAGE_DAYS)]);
    set({
      packs: packs.ok ? packs.value : undefined,
      packsError: packs.ok ? undefined : packs.error,
      history: history.ok ? history.value.items : [],
      nextCursor: history.ok ? history.value.next_cursor : null,
      historyError: history.ok ? undefined : history.error,
      usage: usage.ok ? usage.value : undefined,
      historyLoading: false,
    });
  },

  async loadMore(api) {
    const cursor = get().nextCursor;
    if (!cursor || get().historyLoading) return;
    set({ historyLoading: true });
    const res = await api.listTransactions(cursor);
    if (res.ok) set({ history: [...get().history, ...res.value.items], nextCursor: res.value.next_cursor, historyLoading: false });
    else set({ historyError: res.error, historyLoading: false });
  },

  async buy(api, packId) {
    set({ buying: packId, buyError: undefined });
    const res = await api.startCheckout(packId);
    set({ buying: undefined, buyError: res.ok ? undefined : res.error });
  },

  async dismissPurchase(api) {
    const res = await api.dismissCheckout();
    if (res.ok) set({ state: res.value });
  },
}));

/** Asks main once, then follows pushed changes; a landed purchase refreshes the history too. */
export function followCredits(api: CreditsApi): () => void {
  const apply = (state: CreditsState) => {
    const before = useCredits.getState().state;
    useCredits.getState().setState(state);
    const balanceMoved = before?.signedIn && state.signedIn && before.balance !== state.balance;
    const signedInNow = !before?.signedIn && state.signedIn;
    if ((balanceMoved || signedInNow) && useCredits.getState().packs !== undefined) void useCredits.getState().loadPage(api);
  };
  void api.get().then((res) => {
    if (res.ok) apply(res.value);
  });
  return api.onChanged(apply);
}

export const formatCredits = (n: number) => n.toLocaleString('en-US');

export function formatPrice(price: { amount: number; currency: string } | undefined): string {
  if (!price) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: price.currency.toUpperCase() }).format(price.amount / 100);
  } catch {
    return `${(price.amount / 100).toFixed(2)} ${price.currency.toUpperCase()}`;
  }
}
