import { defaultTextLayer, newLayerId } from './core/document.ts';
import { sniffImageType, isProjectArchive } from './core/image-type.ts';
import { decodeProject, isProjectImageType } from './core/project-file.ts';
import { registerFontBytes } from './fonts.ts';
import { selectHasUnsavedChanges, useEditor } from './store.ts';

/** Largest image file the editor opens; larger photos are refused before decoding. */
export const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp,image/avif,image/heic,image/heif,.heic,.heif,.avif,.pptext';

export type Opened = { ok: true } | { ok: false; message: string };

/**
 * Decodes image bytes with the EXIF orientation applied once, by createImageBitmap
 * ('from-image'). The bitmap is drawn to canvas, where CSS image-orientation does not apply,
 * so nothing rotates it a second time.
 */
export async function decodeImage(bytes: Uint8Array<ArrayBuffer>): Promise<{ ok: true; bitmap: ImageBitmap; type: ReturnType<typeof sniffImageType> & string } | { ok: false; message: string }> {
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, message: 'That file is not an image this editor can open. Use a JPEG, PNG, WebP or AVIF image.' };
  try {
    const bitmap = await createImageBitmap(new Blob([bytes], { type }), { imageOrientation: 'from-image' });
    return { ok: true, bitmap, type };
  } catch {
    if (type === 'image/heic') return { ok: false, message: 'HEIC photos cannot be decoded on this computer. Export the photo as JPEG (or set your camera to “Most Compatible”) and open that.' };
    return { ok: false, message: 'This image could not be decoded; the file may be damaged or use an unsupported variant. Try re-saving it as JPEG or PNG.' };
  }
}

export async function openImageBytes(bytes: Uint8Array<ArrayBuffer>, name: string): Promise<Opened> {
  if (bytes.length > MAX_IMAGE_BYTES) return { ok: false, message: 'That image is larger than 256 MB and cannot be opened.' };
  const decoded = await decodeImage(bytes);
  if (!decoded.ok) return decoded;
  const type = decoded.type;
  if (!isProjectImageType(type)) {
    decoded.bitmap.close();
    return { ok: false, message: 'That image type cannot be edited here. Use a JPEG, PNG, WebP or AVIF image.' };
  }
  const image = { name, width: decoded.bitmap.width, height: decoded.bitmap.height };
  // The starting text layer is part of opening, not an edit to undo or a change to save.
  useEditor.getState().load({ image, layers: [defaultTextLayer(image, newLayerId(), 1)] }, { bitmap: decoded.bitmap, bytes, type });
  return { ok: true };
}

export async function openProjectBytes(bytes: Uint8Array<ArrayBuffer>, name: string, opts: { recovered?: boolean } = {}): Promise<Opened> {
  const decoded = decodeProject(bytes);
  if (!decoded.ok) return decoded;
  const { document: doc, image, fonts } = decoded.project;
  const bitmap = await decodeImage(new Uint8Array(image.bytes));
  if (!bitmap.ok) return { ok: false, message: `The project’s image could not be decoded: ${bitmap.message}` };
  if (bitmap.bitmap.width !== doc.image.width || bitmap.bitmap.height !== doc.image.height) {
    bitmap.bitmap.close();
    return { ok: false, message: 'This project file is not valid: its image does not match the size recorded in it.' };
  }
  for (const f of fonts) {
    const font = new Uint8Array(f.bytes);
    const registered = await registerFontBytes(f.family, font);
    if (registered.ok) useEditor.getState().addLocalFont(f.family, font);
  }
  useEditor.getState().load(doc, { bitmap: bitmap.bitmap, bytes: new Uint8Array(image.bytes), type: image.type }, { unsaved: opts.recovered ?? false, projectName: opts.recovered ? null : name });
  useEditor.getState().fontLoaded();
  return { ok: true };
}

/** Opens whatever the user dropped, pasted or picked: an image or a project file. */
export async function openFile(file: Blob & { name?: string }): Promise<Opened> {
  if (file.size > MAX_IMAGE_BYTES * 2) return { ok: false, message: 'That file is too large to open.' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name || 'Pasted image';
  return isProjectArchive(bytes) ? openProjectBytes(bytes, name) : openImageBytes(bytes, name);
}

/**
 * Runs an open and shows its outcome; a failure leaves the current document untouched. Replacing
 * work that is not saved asks first (the recovery copy would follow the new document).
 */
export async function openAndReport(work: () => Promise<Opened>): Promise<void> {
  const editor = useEditor.getState();
  if (selectHasUnsavedChanges(editor) && !window.confirm('Your changes to this image are not saved. Open another and discard them?')) return;
  editor.setBusy('Opening…');
  try {
    const res = await work();
    editor.notify(res.ok ? null : { kind: 'error', text: res.message });
  } finally {
    editor.setBusy(null);
  }
}
