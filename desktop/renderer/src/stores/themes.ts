import { create } from 'zustand';
import type { GenerationInput } from '../../../shared/studio-types.ts';

/** Each themed generator's own small form, kept while the user moves around the app. */
interface ThemesState {
  values: Record<string, GenerationInput>;
  /** The theme whose card should scroll into view (after "use these settings again"). */
  focused: string | undefined;
  setValue: (toolId: string, name: string, value: unknown) => void;
  fill: (toolId: string, params: GenerationInput) => void;
}

export const useThemes = create<ThemesState>((set, get) => ({
  values: {},
  focused: undefined,
  setValue: (toolId, name, value) => set({ values: { ...get().values, [toolId]: { ...get().values[toolId], [name]: value } } }),
  fill: (toolId, params) => set({ values: { ...get().values, [toolId]: { ...params } }, focused: toolId }),
}));
