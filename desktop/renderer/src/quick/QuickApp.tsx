import { useEffect, useRef } from 'react';
import { quickApi } from '../common/pp.ts';
import { StatusPill } from '../common/StatusPill.tsx';
import { followBackendStatus, useConnection } from '../stores/connection.ts';

export function QuickApp() {
  const status = useConnection((s) => s.status);
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => followBackendStatus(quickApi().backend), []);
  useEffect(() => {
    input.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void quickApi().windows.hideQuick();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="quick-panel">
      <div className="quick-top">
        <span className="brand-mark">◆</span>
        <textarea ref={input} className="quick-prompt" rows={2} placeholder="Describe an image…" aria-label="Prompt" />
      </div>
      <div className="quick-bottom">
        <StatusPill status={status} />
        <button type="button" className="link" onClick={() => void quickApi().windows.showMain()}>
          Open PromptPixels
        </button>
      </div>
    </div>
  );
}
