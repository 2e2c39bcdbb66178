import { create } from 'zustand';
import { useNavigation } from '../stores/navigation.ts';

/**
 * The Add Text editor's entry points for the rest of the app (gallery, studio results). This file
 * is small and loaded at start; the editor itself (and Konva) load only when the area opens.
 */
export interface PendingImage {
  bytes: Uint8Array<ArrayBuffer>;
  name: string;
}

export interface ExportedImage {
  bytes: Uint8Array<ArrayBuffer>;
  format: 'png' | 'jpeg' | 'webp';
  width: number;
  height: number;
  /** The source image's name, e.g. for a gallery entry's title. */
  sourceName: string;
}

interface EditorEntryState {
  pending: PendingImage | null;
  /** Set by the gallery: receives an exported image when the user picks "Save to gallery". */
  saveToGallery: ((image: ExportedImage) => Promise<{ ok: true } | { ok: false; message: string }>) | null;
}

export const useEditorEntry = create<EditorEntryState>(() => ({ pending: null, saveToGallery: null }));

/** Opens image bytes (JPEG/PNG/WebP/AVIF) in the editor and switches to it. */
export function openImageInEditor(bytes: Uint8Array<ArrayBuffer>, name: string): void {
  useEditorEntry.setState({ pending: { bytes, name } });
  useNavigation.getState().go('add-text');
}

/** Lets the gallery receive exports; answers a function that unregisters it. */
export function registerSaveToGallery(handler: NonNullable<EditorEntryState['saveToGallery']>): () => void {
  useEditorEntry.setState({ saveToGallery: handler });
  return () => {
    if (useEditorEntry.getState().saveToGallery === handler) useEditorEntry.setState({ saveToGallery: null });
  };
}

export function takePendingImage(): PendingImage | null {
  const pending = useEditorEntry.getState().pending;
  if (pending) useEditorEntry.setState({ pending: null });
  return pending;
}
