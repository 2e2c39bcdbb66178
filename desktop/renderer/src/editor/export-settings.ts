import { create } from 'zustand';
import type { ExportOptions } from './export-image.ts';

/** The export format, quality and scale the user last chose (not part of the document or its history). */
export const useExportSettings = create<ExportOptions & { set(patch: Partial<ExportOptions>): void }>((set) => ({
  format: 'png',
  quality: 0.92,
  scale: 1,
  set: (patch) => set(patch),
}));
