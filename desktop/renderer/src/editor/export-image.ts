import type Konva from 'konva';
import type { ExportFormat } from '../../../shared/editor-files.ts';
import { exportSize } from './core/layout.ts';
import { encodeProject } from './core/project-file.ts';
import type { EditorDocument } from './core/document.ts';
import { useEditor } from './store.ts';

/** The live Konva layer holding the text (registered by the canvas), so export draws the same nodes as the preview. */
let textLayer: Konva.Layer | null = null;
export const registerTextLayer = (layer: Konva.Layer | null): void => {
  textLayer = layer;
};

export interface ExportOptions {
  format: ExportFormat;
  /** 0–1, for JPEG and WebP. */
  quality: number;
  scale: number;
}

export type Exported = { ok: true; bytes: Uint8Array<ArrayBuffer>; width: number; height: number } | { ok: false; message: string };

const MIME: Record<ExportFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };

/**
 * Renders the image and its text at `scale` × the original resolution: the photo is drawn once
 * straight from its bitmap, then the preview's own text layer is drawn at export resolution on
 * top, so exported pixels match what the user sees.
 */
export async function exportImage(doc: EditorDocument, bitmap: ImageBitmap, opts: ExportOptions): Promise<Exported> {
  const size = exportSize(doc.image, opts.scale);
  if (!size.ok) return { ok: false, message: size.message };
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width !== size.width || canvas.height !== size.height) {
    return { ok: false, message: 'This computer could not make a canvas that large. Choose a smaller export scale.' };
  }
  if (opts.format === 'jpeg') {
    // JPEG has no transparency; what the user sees over a transparent PNG is white.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, size.width, size.height);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, size.width, size.height);
  if (textLayer && doc.layers.some((l) => l.visible)) {
    const text = renderTextLayer(textLayer, doc, size.width / doc.image.width);
    ctx.drawImage(text, 0, 0, size.width, size.height);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, MIME[opts.format], opts.quality));
  canvas.width = 0;
  if (!blob || blob.size === 0) return { ok: false, message: 'The image could not be encoded (the graphics system ran out of room). Choose a smaller export scale.' };
  return { ok: true, bytes: new Uint8Array(await blob.arrayBuffer()), width: size.width, height: size.height };
}

/** Draws the text layer in image coordinates at `pixelRatio`, with the view's zoom set aside. */
function renderTextLayer(layer: Konva.Layer, doc: EditorDocument, pixelRatio: number): HTMLCanvasElement {
  const stage = layer.getStage();
  const scale = stage.scale();
  const position = stage.position();
  stage.scale({ x: 1, y: 1 });
  stage.position({ x: 0, y: 0 });
  try {
    return layer.toCanvas({ x: 0, y: 0, width: doc.image.width, height: doc.image.height, pixelRatio });
  } finally {
    stage.scale(scale);
    stage.position(position);
  }
}

export function projectBytes(): Uint8Array<ArrayBuffer> | null {
  const s = useEditor.getState();
  if (!s.history || !s.image) return null;
  return encodeProject({ document: s.history.present, image: { bytes: s.image.bytes, type: s.image.type }, fonts: s.localFonts }) as Uint8Array<ArrayBuffer>;
}

export const baseName = (name: string): string => name.replace(/\.[^.]+$/, '') || 'image';
