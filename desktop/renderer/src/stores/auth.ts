import { create } from 'zustand';
import type { AuthState } from '../../../shared/ipc-types.ts';
import type { IpcResult } from '../../../shared/result.ts';

interface AuthStore {
  state: AuthState;
  /** An error from the last action (start, cancel, sign-out) that the state itself does not carry. */
  actionError: string | undefined;
  /** The user chose "Later" on the terms dialog this run. */
  termsDeferred: boolean;
  set: (state: AuthState) => void;
  setActionError: (message: string | undefined) => void;
  deferTerms: () => void;
}

/** Where sign-in stands, as main reports it; main pushes every change. */
export const useAuth = create<AuthStore>((set) => ({
  state: { status: 'restoring' },
  actionError: undefined,
  termsDeferred: false,
  set: (state) => set({ state, actionError: undefined }),
  setActionError: (actionError) => set({ actionError }),
  deferTerms: () => set({ termsDeferred: true }),
}));

/** Asks main once, then follows its pushed changes. Returns the unsubscribe function. */
export function followAuthState(api: {
  getState: () => Promise<IpcResult<AuthState>>;
  onStateChanged: (listener: (s: AuthState) => void) => () => void;
}): () => void {
  const unsubscribe = api.onStateChanged((s) => useAuth.getState().set(s));
  void api.getState().then((res) => {
    if (res.ok) useAuth.getState().set(res.value);
  });
  return unsubscribe;
}

/** Runs an auth action and puts its failure (if any) where the screens show it. */
export async function runAuthAction(action: () => Promise<IpcResult<AuthState>>): Promise<void> {
  const res = await action();
  if (res.ok) useAuth.getState().set(res.value);
  else useAuth.getState().setActionError(res.error.message);
}
