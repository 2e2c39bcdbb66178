import { useEffect, useState } from 'react';
import type { GenerationInput } from '../../../shared/studio-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { mainApi } from '../common/pp.ts';

export type Quote = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; cost: number } | { state: 'error'; error: IpcError };

/**
 * The exact cost of the current settings, asked of the backend (it owns prices) a moment after
 * the user stops typing; an answer for settings that have since changed is dropped.
 */
export function useQuote(tool: string | undefined, input: GenerationInput | undefined, delayMs = 350): Quote {
  const [quote, setQuote] = useState<Quote>({ state: 'idle' });
  const key = tool && input ? JSON.stringify([tool, input]) : '';
  useEffect(() => {
    if (!tool || !input) {
      setQuote({ state: 'idle' });
      return;
    }
    let current = true;
    setQuote((q) => (q.state === 'ready' ? q : { state: 'loading' }));
    const timer = setTimeout(() => {
      void mainApi()
        .studio.quote(tool, input)
        .then((res) => {
          if (current) setQuote(res.ok ? { state: 'ready', cost: res.value.cost } : { state: 'error', error: res.error });
        });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for tool and input by value.
  }, [key, delayMs]);
  return quote;
}

export const credits = (n: number) => `${n} credit${n === 1 ? '' : 's'}`;
