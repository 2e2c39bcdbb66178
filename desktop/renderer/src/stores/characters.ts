import { create } from 'zustand';
import type { CharacterSummary, CharactersState, CharacterType } from '../../../shared/character-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { mainApi } from '../common/pp.ts';
import { useJobs } from './jobs.ts';

/**
 * The user's characters, mirrored from main (which polls trainings and pushes
 * `charactersChanged`), plus the page's own request states.
 */
interface CharactersStore extends CharactersState {
  loaded: boolean;
  loadError: IpcError | undefined;
  load: () => Promise<void>;
  create: (request: { name: string; type: CharacterType; photos: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }> }) => Promise<{ ok: true; character: CharacterSummary } | { ok: false; error: IpcError }>;
  remove: (id: string) => Promise<IpcError | undefined>;
  generate: (request: { id: string; kind: 'image' | 'avatar-pack'; prompt?: string }) => Promise<IpcError | undefined>;
}

export const useCharacters = create<CharactersStore>((set) => ({
  items: [],
  trainingCost: undefined,
  loaded: false,
  loadError: undefined,
  async load() {
    const res = await mainApi().characters.list();
    if (res.ok) set({ ...res.value, loaded: true, loadError: undefined });
    else set({ loaded: true, loadError: res.error });
  },
  async create(request) {
    const res = await mainApi().characters.create(request);
    return res.ok ? { ok: true, character: res.value } : { ok: false, error: res.error };
  },
  async remove(id) {
    const res = await mainApi().characters.remove(id);
    if (!res.ok) return res.error;
    set((s) => ({ items: s.items.filter((c) => c.id !== id) }));
    return undefined;
  },
  async generate(request) {
    const res = await mainApi().characters.generate(request);
    if (!res.ok) return res.error;
    // The job shows up with the studio's jobs (and lands in the gallery when done).
    useJobs.setState((s) => ({ jobs: { ...s.jobs, [res.value.jobId]: res.value } }));
    return undefined;
  },
}));

/** Follows main's pushed changes (progress, ready, failed) while the page is open. */
export function followCharacters(): () => void {
  return mainApi().characters.onChanged((state) => useCharacters.setState({ ...state, loaded: true }));
}

/** "about 3 min", "under a minute": an ETA that does not pretend to be exact. */
export function formatEta(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  if (seconds < 60) return 'under a minute left';
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'about 1 min left' : `about ${minutes} min left`;
}
