import { create } from 'zustand';
import type { UploadedImage } from '../../../shared/image-tools.ts';
import type { IpcError } from '../../../shared/result.ts';
import type { GalleryItem, GenerationInput } from '../../../shared/studio-types.ts';
import { mainApi } from '../common/pp.ts';
import { imageSizeFromHeader, makePreview } from '../image-tools/preview.ts';
import { useJobs } from './jobs.ts';
import { useNavigation } from './navigation.ts';

/**
 * The Image tools page: which tool, the user's image (a file, a paste, or a gallery item),
 * its upload, the settings per tool, and the job running on it. The image is uploaded as
 * soon as it is chosen so the exact price can be quoted; each run consumes its upload (the
 * backend deletes it after processing), and the next change uploads the image again.
 */
export const IMAGE_TOOL_IDS = ['image/upscale-2x', 'image/upscale-4x', 'image/enhance', 'image/face-restore', 'image/remove-background', 'image/edit', 'image/style-transfer'] as const;
export type ImageToolId = (typeof IMAGE_TOOL_IDS)[number];

export interface ImageSource {
  name: string;
  /** What the page shows: a downscaled object URL for files, the gallery's own URL for gallery items. */
  previewUrl: string;
  width?: number | undefined;
  height?: number | undefined;
  /** Exactly one of these says where the bytes are. */
  bytes?: Uint8Array<ArrayBuffer>;
  galleryId?: string;
}

type UploadState = { state: 'none' } | { state: 'uploading' } | { state: 'ready'; image: UploadedImage } | { state: 'error'; error: IpcError };

interface ImageToolsState {
  toolId: ImageToolId;
  source: ImageSource | undefined;
  loading: boolean;
  upload: UploadState;
  values: Record<string, GenerationInput>;
  /** The job started from this page last, shown as the result. */
  jobId: string | undefined;
  localError: string | undefined;
  setTool: (id: ImageToolId) => void;
  setValue: (name: string, value: unknown) => void;
  openFile: (file: Blob, name: string) => Promise<void>;
  openGalleryItem: (item: GalleryItem, tool?: ImageToolId) => void;
  ensureUpload: () => Promise<UploadedImage | undefined>;
  run: (input: GenerationInput) => Promise<void>;
  clear: () => void;
}

let uploadSeq = 0;
/** The upload limit of POST /v1/uploads (shared/image-tools.ts MAX_UPLOAD_BYTES; not imported to keep zod out of the renderer). */
const MAX_FILE_BYTES = 25 * 1024 * 1024;

export const useImageTools = create<ImageToolsState>((set, get) => {
  const replaceSource = (source: ImageSource | undefined) => {
    const old = get().source;
    if (old?.bytes && old.previewUrl.startsWith('blob:')) URL.revokeObjectURL(old.previewUrl);
    uploadSeq++;
    set({ source, upload: { state: 'none' }, jobId: undefined, localError: undefined, loading: false });
    if (source) void get().ensureUpload();
  };
  return {
    toolId: 'image/upscale-2x',
    source: undefined,
    loading: false,
    upload: { state: 'none' },
    values: {},
    jobId: undefined,
    localError: undefined,
    setTool(toolId) {
      set({ toolId, jobId: undefined });
      void get().ensureUpload();
    },
    setValue(name, value) {
      const { toolId, values } = get();
      set({ values: { ...values, [toolId]: { ...values[toolId], [name]: value } } });
      void get().ensureUpload();
    },
    async openFile(file, name) {
      // Main and the backend enforce the limit; checking the size first avoids reading a huge file at all.
      if (file.size > MAX_FILE_BYTES) {
        set({ localError: `${name} is ${(file.size / 2 ** 20).toFixed(0)} MB; images can be at most 25 MB. Save it as JPEG or downscale it first.` });
        return;
      }
      set({ loading: true, localError: undefined });
      const bytes = new Uint8Array(await file.arrayBuffer());
      const size = imageSizeFromHeader(bytes);
      try {
        const previewUrl = await makePreview(file, size);
        replaceSource({ name, previewUrl, width: size?.width, height: size?.height, bytes });
      } catch {
        set({ loading: false, localError: `${name} could not be read as an image. Open a PNG, JPEG or WebP file.` });
      }
    },
    openGalleryItem(item, tool) {
      if (tool) set({ toolId: tool });
      replaceSource({ name: item.meta?.prompt ?? item.id, previewUrl: item.url, width: item.meta?.width, height: item.meta?.height, galleryId: item.id });
      useNavigation.getState().go('tools');
    },
    async ensureUpload() {
      const { source, upload } = get();
      if (!source) return undefined;
      if (upload.state === 'ready') return upload.image;
      if (upload.state === 'uploading') return undefined;
      const seq = ++uploadSeq;
      set({ upload: { state: 'uploading' } });
      const api = mainApi().imageTools;
      const res = source.bytes ? await api.upload(source.bytes) : await api.uploadGalleryItem(source.galleryId!);
      if (seq !== uploadSeq) return undefined;
      if (!res.ok) {
        set({ upload: { state: 'error', error: res.error } });
        return undefined;
      }
      set({ upload: { state: 'ready', image: res.value }, source: { ...source, width: res.value.width, height: res.value.height } });
      return res.value;
    },
    async run(input) {
      const image = await get().ensureUpload();
      if (!image) return;
      const { toolId } = get();
      const job = await useJobs.getState().generate(toolId, { ...input, upload_id: image.uploadId });
      // The backend deletes this upload once the job ends; the next run uploads again.
      set({ upload: { state: 'none' }, ...(job ? { jobId: job.jobId } : {}) });
    },
    clear: () => replaceSource(undefined),
  };
});
