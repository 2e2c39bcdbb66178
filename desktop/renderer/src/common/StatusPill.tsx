import type { BackendStatus } from '../../../shared/ipc-types.ts';

/** The live "is the PromptPixels service reachable" indicator. */
export function StatusPill({ status }: { status: BackendStatus | undefined }) {
  if (!status || status.state === 'checking') {
    return (
      <span className="pill pill-checking" role="status" aria-live="polite">
        <span className="dot" /> Connecting…
      </span>
    );
  }
  if (status.state === 'unreachable') {
    return (
      <span className="pill pill-offline" role="status" aria-live="polite" title={status.message}>
        <span className="dot" /> Offline — {status.message}
      </span>
    );
  }
  return (
    <span className="pill pill-online" role="status" aria-live="polite" title={`${status.url} · v${status.version}`}>
      <span className="dot" /> Connected{status.sandbox ? ' · Sandbox' : ''}
    </span>
  );
}
