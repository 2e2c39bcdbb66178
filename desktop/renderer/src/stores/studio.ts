import { create } from 'zustand';
import type { CatalogTool, GallerySidecar, GenerationInput } from '../../../shared/studio-types.ts';
import type { IpcError } from '../../../shared/result.ts';
import { mainApi } from '../common/pp.ts';
import { defaultsOf, inputFor, isThemeTool } from '../studio/schema-form.ts';
import { useNavigation } from './navigation.ts';
import { useThemes } from './themes.ts';

/**
 * The studio's state: the catalog, the chosen model and its settings, the exact quote for
 * them, and the prompt history kept on this computer.
 */
const HISTORY_KEY = 'pp.studio.promptHistory';
const HISTORY_MAX = 50;

export type QuoteState = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; cost: number; key: string } | { state: 'error'; error: IpcError };

interface StudioState {
  catalog: CatalogTool[] | undefined;
  catalogError: IpcError | undefined;
  toolId: string | undefined;
  /** Shared across models: switching model keeps the prompt and any setting the new model also has. */
  values: GenerationInput;
  seedLocked: boolean;
  quote: QuoteState;
  history: string[];
  loadCatalog: (refresh?: boolean) => Promise<void>;
  chooseTool: (id: string) => void;
  setValue: (name: string, value: unknown) => void;
  setSeedLocked: (locked: boolean) => void;
  remember: (prompt: string) => void;
  useSettings: (meta: GallerySidecar) => Promise<void>;
}

function readHistory(): string[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(HISTORY_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(0, HISTORY_MAX) : [];
  } catch {
    return [];
  }
}

export const studioModels = (catalog: CatalogTool[] | undefined) => (catalog ?? []).filter((t) => t.kind === 'text-to-image' && !isThemeTool(t));
export const themeTools = (catalog: CatalogTool[] | undefined) => (catalog ?? []).filter((t) => t.kind === 'text-to-image' && isThemeTool(t));

export const useStudio = create<StudioState>((set, get) => ({
  catalog: undefined,
  catalogError: undefined,
  toolId: undefined,
  values: {},
  seedLocked: false,
  quote: { state: 'idle' },
  history: readHistory(),

  async loadCatalog(refresh = false) {
    const res = await mainApi().studio.getCatalog(refresh);
    if (!res.ok) return set({ catalogError: res.error });
    const models = studioModels(res.value);
    const current = get().toolId;
    const toolId = models.some((m) => m.id === current) ? current : models[0]?.id;
    const tool = models.find((m) => m.id === toolId);
    set({ catalog: res.value, catalogError: undefined, toolId, values: { ...(tool ? defaultsOf(tool.params) : {}), ...get().values } });
  },

  chooseTool(id) {
    const tool = get().catalog?.find((t) => t.id === id);
    if (!tool) return;
    // Keep what the user typed; fill only what the new model needs and the user has not set.
    set({ toolId: id, values: { ...defaultsOf(tool.params), ...get().values } });
  },

  setValue: (name, value) => set({ values: { ...get().values, [name]: value } }),
  setSeedLocked: (locked) => {
    const values = { ...get().values };
    if (locked && typeof values.seed !== 'number') values.seed = Math.floor(Math.random() * 2_147_483_647);
    set({ seedLocked: locked, values });
  },

  remember(prompt) {
    const trimmed = prompt.trim();
    if (!trimmed) return;
    const history = [trimmed, ...get().history.filter((p) => p !== trimmed)].slice(0, HISTORY_MAX);
    set({ history });
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
    } catch {
      // Storage full or disabled: history stays for this session only.
    }
  },

  async useSettings(meta) {
    // Opened straight from the gallery, the catalog may not be loaded yet.
    if (!get().catalog) await get().loadCatalog();
    const isModel = studioModels(get().catalog).some((m) => m.id === meta.tool);
    if (!isModel && get().catalog?.some((t) => t.id === meta.tool)) {
      useThemes.getState().fill(meta.tool, meta.params);
      useNavigation.getState().go('themes');
      return;
    }
    const values: GenerationInput = { ...get().values, ...meta.params, prompt: meta.prompt };
    if (meta.negativePrompt) values.negative_prompt = meta.negativePrompt;
    if (typeof meta.seed === 'number') values.seed = meta.seed;
    set({ ...(isModel ? { toolId: meta.tool } : {}), values, seedLocked: typeof meta.seed === 'number' });
    useNavigation.getState().go('studio');
  },
}));

/** The input the studio would send now for its chosen model. */
export function studioInput(state: Pick<StudioState, 'catalog' | 'toolId' | 'values' | 'seedLocked'>): { tool: CatalogTool; input: GenerationInput } | undefined {
  const tool = state.catalog?.find((t) => t.id === state.toolId);
  if (!tool) return undefined;
  const values = { ...state.values };
  if (!state.seedLocked) delete values.seed;
  return { tool, input: inputFor(tool, values) };
}
