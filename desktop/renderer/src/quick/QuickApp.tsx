import { useEffect, useRef } from 'react';
import { quickApi } from '../common/pp.ts';
import { StatusPill } from '../common/StatusPill.tsx';
import { followBackendStatus, useConnection } from '../stores/connection.ts';
import { followPreferences, usePreferences } from '../stores/preferences.ts';
import { Chips } from './Chips.tsx';
import { aspectChoices, choose, countChoices, forgetFinishedRun, generate, loadOptions, onGenerationEvent, setPrompt, useQuick } from './quick-store.ts';
import './quick.css';

const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;

/** Focus in the prompt with its text selected, so typing replaces the last prompt. */
function focusPrompt(input: HTMLTextAreaElement | null): void {
  if (!input) return;
  input.focus();
  input.select();
}

export function QuickApp() {
  const status = useConnection((s) => s.status);
  const q = useQuick();
  const input = useRef<HTMLTextAreaElement>(null);

  useEffect(() => followBackendStatus(quickApi().backend), []);
  useEffect(() => followPreferences(quickApi().preferences), []);
  useEffect(() => quickApi().quick.onEvent(onGenerationEvent), []);
  useEffect(() => {
    focusPrompt(input.current);
    void loadOptions(usePreferences.getState().preferences);
    // The window is created hidden at start and only shown later: refocus and refresh each time.
    return quickApi().windows.onShown(() => {
      forgetFinishedRun();
      focusPrompt(input.current);
      void loadOptions(usePreferences.getState().preferences);
    });
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        void quickApi().windows.hideQuick();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const options = q.options.state === 'loaded' ? q.options.options : undefined;
  const readiness = options?.readiness;
  const busy = q.run.state === 'starting' || q.run.state === 'running';
  const priceLabel = q.price.state === 'known' ? ` · ${credits(q.price.credits)}` : q.price.state === 'loading' ? ' · …' : '';

  let action;
  if (readiness?.state === 'signed-out') {
    action = (
      <button type="button" className="quick-go" onClick={() => void quickApi().windows.openMainAt('account')}>
        Sign in to generate
      </button>
    );
  } else if (readiness?.state === 'out-of-credits') {
    action = (
      <button type="button" className="quick-go" onClick={() => void quickApi().windows.openMainAt('credits')}>
        Buy credits
      </button>
    );
  } else {
    action = (
      <button type="button" className="quick-go" disabled={!options || busy} onClick={() => void generate()} aria-keyshortcuts="Enter">
        {busy ? 'Generating…' : `Generate${priceLabel}`}
      </button>
    );
  }

  let message: string | undefined;
  let tone: 'muted' | 'warn' | 'danger' = 'muted';
  if (q.hint) (message = q.hint), (tone = 'warn');
  else if (q.options.state === 'unavailable') (message = q.options.message), (tone = 'warn');
  else if (readiness?.state === 'signed-out') (message = 'You are signed out. Sign in to generate images.'), (tone = 'warn');
  else if (readiness?.state === 'out-of-credits')
    (message = `You have ${credits(readiness.balance)}${q.price.state === 'known' ? `; this needs ${credits(q.price.credits)}` : ''}. Buy credits to generate.`), (tone = 'warn');
  else if (q.run.state === 'running') message = `Generating${q.run.progress !== undefined ? ` ${Math.round(q.run.progress * 100)}%` : '…'} You can close this; you will be notified.`;
  else if (q.run.state === 'succeeded') message = `Done: ${q.run.count} image${q.run.count === 1 ? '' : 's'} saved to your gallery.`;
  else if (q.run.state === 'failed') (message = q.run.message), (tone = 'danger');
  else if (q.price.state === 'unknown') (message = `Price unavailable: ${q.price.message}`), (tone = 'warn');

  return (
    <div className="quick-panel" aria-busy={busy}>
      <div className="quick-top">
        <span className="brand-mark" aria-hidden="true">
          ◆
        </span>
        <textarea
          ref={input}
          className="quick-prompt"
          rows={2}
          placeholder="Describe an image… (Enter to generate, Esc to close)"
          aria-label="Prompt"
          value={q.prompt}
          onChange={(e) => setPrompt(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void generate();
            }
          }}
        />
      </div>
      <div className="quick-chips">
        {options && options.presets.length > 0 && (
          <Chips label="Style" choices={[null, ...options.presets.map((p) => p.id)]} value={q.preset} render={(id) => (id === null ? 'None' : (options.presets.find((p) => p.id === id)?.label ?? id))} onChoose={(preset) => choose({ preset })} />
        )}
        <Chips label="Ratio" choices={aspectChoices(q.options)} value={q.aspectRatio} render={(r) => r} onChoose={(aspectRatio) => choose({ aspectRatio })} />
        <Chips label="Images" choices={countChoices(q.options)} value={q.count} render={(n) => String(n)} onChoose={(count) => choose({ count })} />
      </div>
      {q.run.state === 'running' && <progress className="quick-progress" aria-label="Progress" {...(q.run.progress !== undefined ? { value: q.run.progress } : {})} />}
      <div className="quick-bottom">
        <div className="quick-status">
          {message ? (
            <span className={`quick-message ${tone}`} role={tone === 'muted' ? 'status' : 'alert'}>
              {message}
            </span>
          ) : (
            <StatusPill status={status} />
          )}
        </div>
        <div className="quick-actions">
          {q.run.state === 'succeeded' ? (
            <button type="button" className="link" onClick={() => void quickApi().windows.openMainAt('gallery')}>
              Open in gallery
            </button>
          ) : (
            <button type="button" className="link" onClick={() => void quickApi().windows.showMain()}>
              Open PromptPixels
            </button>
          )}
          {action}
        </div>
      </div>
    </div>
  );
}
