import { useCallback, useEffect, useState } from 'react';
import { mainApi } from '../common/pp.ts';
import { useConnection } from '../stores/connection.ts';

/** Whether billed generation is possible now: the service answers and a session exists. */
export function useAccess() {
  const status = useConnection((s) => s.status);
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  const refresh = useCallback(() => {
    void mainApi()
      .studio.getAccess()
      .then((res) => setSignedIn(res.ok ? res.value.signedIn : false));
  }, []);
  useEffect(() => {
    refresh();
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [refresh, status?.state]);
  const offline = status?.state === 'unreachable';
  return { offline, signedIn, canGenerate: !offline && signedIn === true, retry: () => void mainApi().backend.getStatus().then(refresh) };
}
