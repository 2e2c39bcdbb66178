import { create } from 'zustand';
import type { BackendStatus } from '../../../shared/ipc-types.ts';

interface ConnectionState {
  status: BackendStatus | undefined;
  setStatus: (status: BackendStatus) => void;
}

/** Whether the PromptPixels service answers; main pushes changes, the header shows them. */
export const useConnection = create<ConnectionState>((set) => ({
  status: undefined,
  setStatus: (status) => set({ status }),
}));

/** Asks main once, then follows its pushed changes. Returns the unsubscribe function. */
export function followBackendStatus(api: {
  getStatus: () => Promise<{ ok: true; value: BackendStatus } | { ok: false }>;
  onStatusChanged?: (listener: (s: BackendStatus) => void) => () => void;
}): () => void {
  const { setStatus } = useConnection.getState();
  void api.getStatus().then((res) => {
    if (res.ok) setStatus(res.value);
  });
  return api.onStatusChanged?.(setStatus) ?? (() => undefined);
}
