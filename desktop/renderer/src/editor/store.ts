import { create } from 'zustand';
import {
  addLayer, defaultTextLayer, duplicateLayer, moveLayer, newLayerId, nextSelectable, removeLayer, updateLayer,
  type EditorDocument, type LayerPatch, type TextLayer,
} from './core/document.ts';
import { commit, redo, seal, startHistory, undo, type History } from './core/history.ts';
import { STYLE_PRESETS, type StylePresetId } from './core/presets.ts';
import type { ProjectImageType } from './core/project-file.ts';

/**
 * The editor's state. `history.present` is the document (plain data); everything else is
 * session state around it: the decoded image, selection, the text being edited, messages.
 */
export interface LoadedImage {
  bitmap: ImageBitmap;
  /** The original file bytes, kept untouched for project files. */
  bytes: Uint8Array<ArrayBuffer>;
  type: ProjectImageType;
}

export interface EditorNotice {
  kind: 'info' | 'error';
  text: string;
}

export interface EditorState {
  history: History<EditorDocument> | null;
  image: LoadedImage | null;
  /** Fonts loaded from the user's files this session, saved into project files. */
  localFonts: { family: string; bytes: Uint8Array<ArrayBuffer> }[];
  /** Bumped when a font finishes loading, so text is measured again. */
  fontsVersion: number;
  selectedId: string | null;
  editingId: string | null;
  /** The document as last saved or opened; unsaved changes exist when it differs from present. */
  savedDoc: EditorDocument | null;
  projectName: string | null;
  notice: EditorNotice | null;
  busy: string | null;

  /** Shows a document; it counts as saved unless `unsaved` (a recovered copy). */
  load(doc: EditorDocument, image: LoadedImage, opts?: { unsaved?: boolean; projectName?: string | null }): void;
  close(): void;
  change(fn: (doc: EditorDocument) => EditorDocument, coalesceKey?: string | null): void;
  update(id: string, patch: LayerPatch, coalesceKey?: string | null): void;
  endGesture(): void;
  addText(): void;
  duplicate(id: string): void;
  remove(id: string): void;
  move(id: string, direction: 1 | -1): void;
  select(id: string | null): void;
  selectNext(backwards: boolean): void;
  applyPreset(id: StylePresetId): void;
  undo(): void;
  redo(): void;
  edit(id: string | null): void;
  markSaved(projectName?: string): void;
  addLocalFont(family: string, bytes: Uint8Array<ArrayBuffer>): void;
  fontLoaded(): void;
  notify(notice: EditorNotice | null): void;
  setBusy(text: string | null): void;
}

export const useEditor = create<EditorState>((set, get) => ({
  history: null,
  image: null,
  localFonts: [],
  fontsVersion: 0,
  selectedId: null,
  editingId: null,
  savedDoc: null,
  projectName: null,
  notice: null,
  busy: null,

  load: (doc, image, opts = {}) => {
    releaseLater(get().image);
    set({
      history: startHistory(doc),
      image,
      selectedId: doc.layers.at(-1)?.id ?? null,
      editingId: null,
      savedDoc: opts.unsaved ? null : doc,
      projectName: opts.projectName ?? null,
      notice: null,
    });
  },
  close: () => {
    releaseLater(get().image);
    set({ history: null, image: null, selectedId: null, editingId: null, savedDoc: null, projectName: null });
  },
  change: (fn, coalesceKey = null) => {
    const h = get().history;
    if (!h) return;
    set({ history: commit(h, fn(h.present), coalesceKey) });
  },
  update: (id, patch, coalesceKey = null) => get().change((d) => updateLayer(d, id, patch), coalesceKey),
  endGesture: () => {
    const h = get().history;
    if (h) set({ history: seal(h) });
  },
  addText: () => {
    const h = get().history;
    if (!h) return;
    const layer: TextLayer = defaultTextLayer(h.present.image, newLayerId(), h.present.layers.length + 1);
    get().change((d) => addLayer(d, layer));
    set({ selectedId: layer.id });
  },
  duplicate: (id) => {
    const copyId = newLayerId();
    get().change((d) => duplicateLayer(d, id, copyId));
    if (get().history?.present.layers.some((l) => l.id === copyId)) set({ selectedId: copyId });
  },
  remove: (id) => {
    get().change((d) => removeLayer(d, id));
    set((s) => ({ selectedId: s.selectedId === id ? null : s.selectedId, editingId: s.editingId === id ? null : s.editingId }));
  },
  move: (id, direction) => get().change((d) => moveLayer(d, id, direction)),
  select: (id) => set((s) => ({ selectedId: id, editingId: s.editingId === id ? s.editingId : null })),
  selectNext: (backwards) => {
    const h = get().history;
    if (h) set({ selectedId: nextSelectable(h.present, get().selectedId, backwards), editingId: null });
  },
  applyPreset: (presetId) => {
    const h = get().history;
    const preset = STYLE_PRESETS.find((p) => p.id === presetId);
    if (!h || !preset) return;
    const target = get().selectedId;
    if (target && h.present.layers.some((l) => l.id === target)) {
      const current = h.present.layers.find((l) => l.id === target)!;
      const patch = preset.patch(h.present.image);
      // Keep the user's own words; presets only bring their sample text to a fresh layer.
      get().update(target, current.text === 'Your text' ? patch : { ...patch, text: current.text });
      return;
    }
    const layer = defaultTextLayer(h.present.image, newLayerId(), h.present.layers.length + 1);
    get().change((d) => updateLayer(addLayer(d, layer), layer.id, { ...preset.patch(d.image), name: preset.label }));
    set({ selectedId: layer.id });
  },
  undo: () => {
    const h = get().history;
    if (!h) return;
    const next = undo(h);
    set({ history: next, editingId: null, selectedId: keepSelection(next.present, get().selectedId) });
  },
  redo: () => {
    const h = get().history;
    if (!h) return;
    const next = redo(h);
    set({ history: next, editingId: null, selectedId: keepSelection(next.present, get().selectedId) });
  },
  edit: (id) => {
    if (get().editingId !== null && id !== get().editingId) get().endGesture();
    set(id === null ? { editingId: null } : { editingId: id, selectedId: id });
  },
  markSaved: (projectName) => set((s) => ({ savedDoc: s.history?.present ?? null, projectName: projectName ?? s.projectName })),
  addLocalFont: (family, bytes) => set((s) => ({ localFonts: [...s.localFonts.filter((f) => f.family !== family), { family, bytes }] })),
  fontLoaded: () => set((s) => ({ fontsVersion: s.fontsVersion + 1 })),
  notify: (notice) => set({ notice }),
  setBusy: (busy) => set({ busy }),
}));

/**
 * Frees a replaced photo's pixels once the canvas has drawn its successor; closing at once
 * would let a frame already queued draw a detached bitmap (an InvalidStateError).
 */
const releaseLater = (image: LoadedImage | null) => {
  if (image) setTimeout(() => image.bitmap.close(), 2000);
};

const keepSelection = (doc: EditorDocument, id: string | null) => (id && doc.layers.some((l) => l.id === id) ? id : null);

export const selectDocument = (s: EditorState) => s.history?.present ?? null;
export const selectHasUnsavedChanges = (s: EditorState) => s.history !== null && s.history.present !== s.savedDoc;
