import { useCallback, useEffect, useState } from 'react';
import type { Device } from '../../../shared/ipc-types.ts';
import { mainApi } from '../common/pp.ts';
import { formatDate } from './format.ts';

/** Every device signed in to the account, with a way to sign any of them out. */
export function DevicesPanel() {
  const api = mainApi();
  const [devices, setDevices] = useState<Device[]>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(async () => {
    const res = await api.account.listDevices();
    if (res.ok) {
      // This device first, then the most recently used (the order the backend answers).
      setDevices([...res.value].sort((a, b) => Number(b.current) - Number(a.current)));
      setError(undefined);
    } else setError(res.error.message);
  }, [api]);
  useEffect(() => void load(), [load]);

  const revoke = async (id: string) => {
    setBusy(id);
    const res = await api.account.revokeDevice(id);
    setBusy(undefined);
    setConfirming(undefined);
    if (!res.ok) setError(res.error.message);
    else if (!res.value.signedOut) await load();
  };

  return (
    <div className="card devices">
      <h2>Signed-in devices</h2>
      <p className="muted">Sign out a device you no longer use or do not recognise. It will need to sign in again.</p>
      {error && (
        <p className="error" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {!devices && !error && <p className="muted" aria-busy="true">Loading devices…</p>}
      {devices && (
        <ul className="device-list" aria-label="Signed-in devices">
          {devices.map((d) => (
            <li key={d.id} className="device">
              <span className="device-icon" aria-hidden="true">
                ▭
              </span>
              <div className="device-text">
                <strong>{d.deviceName}</strong> {d.current && <span className="badge">This device</span>}
                <div className="muted small">
                  Signed in {formatDate(d.createdAt)} · last active {formatDate(d.lastUsedAt)}
                </div>
              </div>
              {confirming === d.id ? (
                <span className="device-confirm">
                  <span className="small">{d.current ? 'Sign out here?' : 'Sign out this device?'}</span>
                  <button type="button" className="button danger" disabled={busy === d.id} onClick={() => void revoke(d.id)}>
                    {busy === d.id ? 'Signing out…' : 'Sign out'}
                  </button>
                  <button type="button" className="button secondary" onClick={() => setConfirming(undefined)}>
                    Keep
                  </button>
                </span>
              ) : (
                <button type="button" className="button secondary" aria-label={`Sign out ${d.deviceName}`} onClick={() => setConfirming(d.id)}>
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
