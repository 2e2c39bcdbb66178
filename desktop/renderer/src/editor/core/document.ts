import { z } from 'zod';

/**
 * The editor's document as plain data: the image it decorates and its text layers, in image
 * pixels. Konva only renders this; every edit is a pure function from one document to the next,
 * which is what makes undo/redo, project files and tests simple.
 */
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const unit = z.number().min(0).max(1);
const finite = z.number().finite();

export const textLayerSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().max(200),
    text: z.string().max(20_000),
    x: finite,
    y: finite,
    /** Wrap width in image pixels. */
    width: z.number().min(1).max(200_000),
    rotation: finite,
    visible: z.boolean(),
    locked: z.boolean(),
    opacity: unit,
    fontFamily: z.string().min(1).max(200),
    fontSize: z.number().min(1).max(20_000),
    fontWeight: z.union([z.literal(400), z.literal(700)]),
    italic: z.boolean(),
    underline: z.boolean(),
    color: colour,
    colorOpacity: unit,
    align: z.enum(['left', 'center', 'right']),
    letterSpacing: z.number().min(-1000).max(1000),
    lineHeight: z.number().min(0.5).max(5),
    outline: z.object({ enabled: z.boolean(), color: colour, width: z.number().min(0).max(2000) }).strict(),
    shadow: z.object({ enabled: z.boolean(), color: colour, opacity: unit, blur: z.number().min(0).max(2000), offsetX: finite, offsetY: finite }).strict(),
    box: z.object({ enabled: z.boolean(), color: colour, opacity: unit, padding: z.number().min(0).max(5000), radius: z.number().min(0).max(5000) }).strict(),
    /** Arc bend in degrees of the circle the baseline follows: 0 is straight, ±360 a full circle. */
    arc: z.number().min(-360).max(360),
  })
  .strict();

export type TextLayer = z.infer<typeof textLayerSchema>;

export interface EditorImage {
  name: string;
  width: number;
  height: number;
}

export interface EditorDocument {
  image: EditorImage;
  layers: TextLayer[];
}

export type LayerPatch = Partial<Omit<TextLayer, 'id'>>;

let counter = 0;
export const newLayerId = (): string => `t${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A new layer sized for the image: centred, readable, white with a dark outline. */
export function defaultTextLayer(image: EditorImage, id: string, index: number): TextLayer {
  const fontSize = Math.max(12, Math.round(Math.min(image.width, image.height) / 10));
  const width = Math.round(image.width * 0.8);
  return {
    id,
    name: `Text ${index}`,
    text: 'Your text',
    x: Math.round((image.width - width) / 2),
    y: Math.round(image.height / 2 - fontSize / 2),
    width,
    rotation: 0,
    visible: true,
    locked: false,
    opacity: 1,
    fontFamily: 'Inter',
    fontSize,
    fontWeight: 700,
    italic: false,
    underline: false,
    color: '#ffffff',
    colorOpacity: 1,
    align: 'center',
    letterSpacing: 0,
    lineHeight: 1.2,
    outline: { enabled: true, color: '#000000', width: Math.max(1, Math.round(fontSize / 16)) },
    shadow: { enabled: false, color: '#000000', opacity: 0.6, blur: Math.round(fontSize / 8), offsetX: 0, offsetY: Math.round(fontSize / 20) },
    box: { enabled: false, color: '#000000', opacity: 0.6, padding: Math.round(fontSize / 4), radius: Math.round(fontSize / 6) },
    arc: 0,
  };
}

export function addLayer(doc: EditorDocument, layer: TextLayer): EditorDocument {
  return { ...doc, layers: [...doc.layers, layer] };
}

export function updateLayer(doc: EditorDocument, id: string, patch: LayerPatch): EditorDocument {
  if (!doc.layers.some((l) => l.id === id)) return doc;
  return { ...doc, layers: doc.layers.map((l) => (l.id === id ? mergeLayer(l, patch) : l)) };
}

function mergeLayer(layer: TextLayer, patch: LayerPatch): TextLayer {
  return {
    ...layer,
    ...patch,
    outline: { ...layer.outline, ...patch.outline },
    shadow: { ...layer.shadow, ...patch.shadow },
    box: { ...layer.box, ...patch.box },
  };
}

export function removeLayer(doc: EditorDocument, id: string): EditorDocument {
  return { ...doc, layers: doc.layers.filter((l) => l.id !== id) };
}

/** A copy just above the original, offset so the user sees it appear. */
export function duplicateLayer(doc: EditorDocument, id: string, newId: string): EditorDocument {
  const index = doc.layers.findIndex((l) => l.id === id);
  const source = doc.layers[index];
  if (!source) return doc;
  const offset = Math.max(8, Math.round(source.fontSize / 4));
  const copy: TextLayer = { ...structuredClone(source), id: newId, name: `${source.name} copy`, x: source.x + offset, y: source.y + offset, locked: false };
  const layers = [...doc.layers];
  layers.splice(index + 1, 0, copy);
  return { ...doc, layers };
}

/** Moves a layer up (+1, towards the front) or down (-1); the layer list is back-to-front. */
export function moveLayer(doc: EditorDocument, id: string, direction: 1 | -1): EditorDocument {
  const index = doc.layers.findIndex((l) => l.id === id);
  const target = index + direction;
  if (index < 0 || target < 0 || target >= doc.layers.length) return doc;
  const layers = [...doc.layers];
  [layers[index], layers[target]] = [layers[target]!, layers[index]!];
  return { ...doc, layers };
}

/** Tab order: the next (or previous) visible, unlocked layer after `current`, wrapping. */
export function nextSelectable(doc: EditorDocument, current: string | null, backwards = false): string | null {
  const candidates = doc.layers.filter((l) => l.visible && !l.locked);
  if (candidates.length === 0) return null;
  const index = candidates.findIndex((l) => l.id === current);
  const step = backwards ? -1 : 1;
  const next = index < 0 ? (backwards ? candidates.length - 1 : 0) : (index + step + candidates.length) % candidates.length;
  return candidates[next]!.id;
}

export function rgba(hex: string, opacity: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${opacity})`;
}
