import { randomUUID } from 'node:crypto';
import type { IpcEventPayloads } from '../../shared/ipc-types.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { BackendClient } from '../backend-client.ts';
import { downloadImage } from '../gallery/download.ts';
import { createGalleryFolder } from '../gallery/gallery-folder.ts';
import type { GalleryHandlerDeps } from '../gallery/gallery-handlers.ts';
import { createMediaHandler } from '../gallery/media-protocol.ts';
import { createToolCatalog } from './catalog.ts';
import { createGenerationService } from './generation-service.ts';
import type { OpenEventStream } from './sse.ts';
import type { StudioHandlerDeps } from './studio-handlers.ts';

type Emit = <E extends 'generationChanged' | 'galleryChanged'>(name: E, payload: IpcEventPayloads[E]) => void;

/**
 * Builds the studio and gallery services from their edges, the same way for the Electron
 * composition root and the Chromium test harness.
 */
export function createStudioServices(deps: {
  client: BackendClient;
  backend: AuthorizedBackend;
  galleryDir: () => string;
  emit: Emit;
  revealInFolder: (path: string) => void;
  copyImageToClipboard: (path: string) => Promise<void> | void;
  fetch?: typeof fetch;
  pollMs?: number;
  /** Server-Sent Events as the signed-in user, when the backend edge offers it; else polling. */
  openEventStream?: OpenEventStream;
}) {
  const now = Date.now;
  const gallery = createGalleryFolder({ dir: deps.galleryDir, now });
  const catalog = createToolCatalog({ client: deps.client, backend: deps.backend, now });
  const generations = createGenerationService({
    backend: deps.backend,
    catalog,
    gallery,
    download: (url) => downloadImage(url, deps.fetch ? { fetch: deps.fetch } : {}),
    newId: randomUUID,
    now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    onJobChanged: (job) => deps.emit('generationChanged', job),
    onGalleryChanged: () => deps.emit('galleryChanged', { reason: 'added' }),
    openEventStream: deps.openEventStream,
    ...(deps.pollMs ? { pollMs: deps.pollMs } : {}),
  });
  const studio: StudioHandlerDeps = { catalog, generations, backend: deps.backend };
  const galleryHandlers: GalleryHandlerDeps = {
    gallery,
    revealInFolder: deps.revealInFolder,
    copyImageToClipboard: deps.copyImageToClipboard,
    onGalleryChanged: (reason) => deps.emit('galleryChanged', { reason }),
  };
  return { gallery, catalog, generations, studio, galleryHandlers, mediaHandler: createMediaHandler(deps.galleryDir) };
}

export type StudioServices = ReturnType<typeof createStudioServices>;
