import { create } from 'zustand';
import { ASPECT_RATIOS, MAX_QUICK_COUNT } from '../../../shared/choices.ts';
import type { Preferences } from '../../../shared/preferences.ts';
import type { QuickGenerateEvent, QuickGenerateOptions, QuickGenerateRequest } from '../../../shared/quick-generate.ts';
import { quickApi } from '../common/pp.ts';

type AspectRatio = QuickGenerateRequest['aspectRatio'];

export type OptionsState = { state: 'loading' } | { state: 'loaded'; options: QuickGenerateOptions } | { state: 'unavailable'; message: string };
export type PriceState = { state: 'idle' | 'loading' } | { state: 'known'; credits: number } | { state: 'unknown'; message: string };
export type RunState =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'running'; id: string; progress: number | undefined }
  | { state: 'succeeded'; id: string; count: number }
  | { state: 'failed'; message: string };

interface QuickState {
  prompt: string;
  preset: string | null;
  aspectRatio: AspectRatio;
  count: number;
  options: OptionsState;
  price: PriceState;
  run: RunState;
  hint: string | undefined;
}

export const useQuick = create<QuickState>(() => ({
  prompt: '',
  preset: null,
  aspectRatio: '1:1',
  count: 1,
  options: { state: 'loading' },
  price: { state: 'idle' },
  run: { state: 'idle' },
  hint: undefined,
}));

const request = (s: QuickState): QuickGenerateRequest => ({ prompt: s.prompt, preset: s.preset, aspectRatio: s.aspectRatio, count: s.count });

let priceTicket = 0;
async function refreshPrice(): Promise<void> {
  const s = useQuick.getState();
  if (s.options.state !== 'loaded' || s.options.options.readiness.state === 'signed-out') return useQuick.setState({ price: { state: 'idle' } });
  const ticket = ++priceTicket;
  useQuick.setState({ price: { state: 'loading' } });
  const res = await quickApi().quick.getPrice(request(s));
  // Only the answer to the latest choice counts; chips can change faster than quotes come back.
  if (ticket !== priceTicket) return;
  useQuick.setState({ price: res.ok ? { state: 'known', credits: res.value.credits } : { state: 'unknown', message: res.error.message } });
}

/** Loads the chips' choices and readiness; called when the window appears, since sign-in or credits may have changed. */
export async function loadOptions(prefs: Preferences | undefined): Promise<void> {
  const res = await quickApi().quick.getOptions();
  if (!res.ok) {
    useQuick.setState((s) => ({
      options: { state: 'unavailable', message: res.error.message },
      price: { state: 'idle' },
      aspectRatio: s.run.state === 'idle' && prefs ? prefs.aspectRatio : s.aspectRatio,
    }));
    return;
  }
  const o = res.value;
  useQuick.setState((s) => {
    const first = s.options.state !== 'loaded';
    return {
      options: { state: 'loaded', options: o },
      ...(first ? { preset: o.defaults.preset, aspectRatio: o.defaults.aspectRatio, count: Math.min(o.defaults.count, o.maxCount) } : {}),
    };
  });
  await refreshPrice();
}

export function choose(patch: Partial<Pick<QuickState, 'preset' | 'aspectRatio' | 'count'>>): void {
  useQuick.setState(patch);
  void refreshPrice();
}

/** A popup shown again starts fresh after a finished run; one still running keeps its progress. */
export function forgetFinishedRun(): void {
  const { run } = useQuick.getState();
  if (run.state === 'succeeded' || run.state === 'failed') useQuick.setState({ run: { state: 'idle' }, hint: undefined });
}

export const setPrompt = (prompt: string) => useQuick.setState({ prompt, hint: undefined });

export function aspectChoices(options: OptionsState): readonly AspectRatio[] {
  return options.state === 'loaded' ? options.options.aspectRatios : ASPECT_RATIOS;
}
export function countChoices(options: OptionsState): number[] {
  const max = options.state === 'loaded' ? options.options.maxCount : MAX_QUICK_COUNT;
  return Array.from({ length: max }, (_, i) => i + 1);
}

export async function generate(): Promise<void> {
  const s = useQuick.getState();
  if (s.run.state === 'starting' || s.run.state === 'running') return;
  if (!s.prompt.trim()) return useQuick.setState({ hint: 'Type a prompt first.' });
  if (s.options.state !== 'loaded' || s.options.options.readiness.state !== 'ready') return;
  useQuick.setState({ run: { state: 'starting' }, hint: undefined });
  const res = await quickApi().quick.start(request(s));
  useQuick.setState({ run: res.ok ? { state: 'running', id: res.value.id, progress: undefined } : { state: 'failed', message: res.error.message } });
}

export function onGenerationEvent(event: QuickGenerateEvent): void {
  const run = useQuick.getState().run;
  if (run.state !== 'running' || run.id !== event.id) return;
  if (event.state === 'running') useQuick.setState({ run: { ...run, progress: event.progress } });
  else if (event.state === 'succeeded') useQuick.setState({ run: { state: 'succeeded', id: event.id, count: event.images.length } });
  else useQuick.setState({ run: { state: 'failed', message: event.message } });
}
