import type Konva from 'konva';
import { SceneCanvas } from 'konva/lib/Canvas';
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
 * Renders the image and its text at `scale` × the original resolution into one canvas: the photo
 * is drawn straight from its bitmap, then the preview's own text layer draws on top of it at
 * export resolution — no intermediate full-size canvas — so exported pixels match the preview.
 */
export async function exportImage(doc: EditorDocument, bitmap: ImageBitmap, opts: ExportOptions, mayHaveAlpha = true): Promise<Exported> {
  const size = exportSize(doc.image, opts.scale);
  if (!size.ok) return { ok: false, message: size.message };
  const scene = new SceneCanvas({ width: doc.image.width, height: doc.image.height, pixelRatio: size.width / doc.image.width });
  const canvas = scene._canvas;
  const ctx = scene.getContext()._context;
  if (canvas.width < size.width - 1 || canvas.height < size.height - 1 || canvas.width === 0) {
    return { ok: false, message: 'This computer could not make a canvas that large. Choose a smaller export scale.' };
  }
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  // JPEG has no transparency and Chromium would flatten onto black; users expect white.
  if (opts.format === 'jpeg' && mayHaveAlpha) {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  ctx.restore();
  if (textLayer && doc.layers.some((l) => l.visible)) drawTextLayer(textLayer, scene);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, MIME[opts.format], opts.quality));
  scene.setSize(0, 0);
  if (!blob || blob.size === 0) return { ok: false, message: 'The image could not be encoded (the graphics system ran out of room). Choose a smaller export scale.' };
  return { ok: true, bytes: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height };
}

/** Draws the text layer over what is already on `scene`, in image coordinates, with the view's zoom set aside. */
function drawTextLayer(layer: Konva.Layer, scene: SceneCanvas): void {
  const stage = layer.getStage();
  const scale = stage.scale();
  const position = stage.position();
  stage.scale({ x: 1, y: 1 });
  stage.position({ x: 0, y: 0 });
  layer.clearBeforeDraw(false);
  try {
    layer.drawScene(scene);
  } finally {
    layer.clearBeforeDraw(true);
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
