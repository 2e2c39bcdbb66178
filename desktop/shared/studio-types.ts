/**
 * What the studio, themes and gallery exchange with main: the tool catalog as the app shows
 * it, the life of one generation, and the gallery's items with their metadata sidecars.
 */

/** A JSON Schema as the backend serves it for a tool's parameters (the subset forms use). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  enum?: readonly (string | number)[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  [extension: `x-${string}`]: unknown;
}

export interface CatalogTool {
  id: string;
  name: string;
  kind: string;
  /** How the app groups tools: 'model' (studio), 'theme' (Themes page), … */
  group?: string;
  description?: string;
  params: JsonSchema;
  /** Free-form price description for display; the exact cost comes from a quote. */
  pricing: unknown;
}

export type GenerationInput = Record<string, unknown>;

export type JobStatus = 'submitting' | 'queued' | 'running' | 'downloading' | 'succeeded' | 'failed' | 'canceled';

export interface JobError {
  code: string;
  message: string;
}

/** One user action "generate", as main follows it from submit to images on disk. */
export interface GenerationJob {
  jobId: string;
  generationId?: string;
  tool: string;
  toolName: string;
  input: GenerationInput;
  status: JobStatus;
  /** 0–100 when the provider reports it. */
  progress?: number;
  queuePosition?: number;
  cost?: number;
  error?: JobError;
  /** Gallery items saved for this job, in output order. */
  images: GalleryItem[];
  createdAt: number;
  updatedAt: number;
}

/** The JSON file written beside every gallery image. */
export interface GallerySidecar {
  version: 1;
  generationId: string;
  tool: string;
  toolName: string;
  prompt: string;
  negativePrompt?: string;
  seed?: number;
  params: GenerationInput;
  cost?: number;
  createdAt: string;
  index: number;
  width?: number;
  height?: number;
  contentType: string;
}

export interface GalleryItem {
  /** The image's file name inside the gallery folder; also its id. */
  id: string;
  /** pp-media:// URL the renderer may display. */
  url: string;
  sizeBytes: number;
  /** Sidecar metadata; undefined for images placed in the folder by hand. */
  meta?: GallerySidecar;
  /** Milliseconds since epoch (sidecar date, else file time). */
  createdAt: number;
}
