import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CHARACTER_TOOLS, CHARACTER_TYPES, MAX_CHARACTER_PHOTOS, MIN_CHARACTER_PHOTOS, type CharacterSummary, type CharactersState } from '../../shared/characters.ts';
import type { GenerationInput, GenerationJob } from '../../shared/studio-types.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import { sniffImageType } from '../gallery/image-bytes.ts';
import type { Notifier } from '../notifications.ts';

const wireCharacter = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(CHARACTER_TYPES),
  status: z.enum(['training', 'ready', 'failed']),
  cost: z.number(),
  photo_count: z.number(),
  progress: z.number().optional(),
  eta_s: z.number().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  created_at: z.string(),
  finished_at: z.string().optional(),
});
const wireList = z.object({ items: z.array(wireCharacter), training_cost: z.number().optional() });

const toSummary = (c: z.infer<typeof wireCharacter>): CharacterSummary => ({
  id: c.id,
  name: c.name,
  type: c.type,
  status: c.status,
  cost: c.cost,
  photoCount: c.photo_count,
  ...(c.progress === undefined ? {} : { progress: c.progress }),
  ...(c.eta_s === undefined ? {} : { etaS: c.eta_s }),
  ...(c.error ? { error: c.error } : {}),
  createdAt: c.created_at,
  ...(c.finished_at ? { finishedAt: c.finished_at } : {}),
});

type Failure = { ok: false; code: string; message: string; details?: unknown };
type Result<T> = { ok: true; value: T } | Failure;

export interface CharactersServiceDeps {
  backend: AuthorizedBackend;
  /** The studio's generation service: character images land in the gallery like any other. */
  generations: { start(tool: string, input: GenerationInput): Promise<{ ok: true; job: GenerationJob } | { ok: false; code: string; message: string }> };
  notifier: Pick<Notifier, 'notify'>;
  /** Shows the Characters page (a notification was clicked). */
  openCharacters: () => void;
  onChanged: (state: CharactersState) => void;
  /** Credits were held, charged or released (a training started, ended or was deleted). */
  onCreditsMoved?: () => void;
  setTimeout: (fn: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** How often main checks trainings while any is running. */
  pollMs?: number;
}

/**
 * Characters in main: list, create (photos checked again here, then sent as multipart), delete,
 * and generate through the studio's generation service. While a training runs, main polls the
 * backend itself — not the page — so the "ready" notification comes even with the window closed
 * to the tray.
 */
export function createCharactersService(deps: CharactersServiceDeps) {
  const pollMs = deps.pollMs ?? 3_000;
  let state: CharactersState = { items: [], trainingCost: undefined };
  let timer: unknown;
  let refreshing: Promise<Result<CharactersState>> | undefined;

  const schedule = () => {
    if (timer !== undefined) deps.clearTimeout(timer);
    timer = undefined;
    if (state.items.some((c) => c.status === 'training')) timer = deps.setTimeout(() => void refresh(), pollMs);
  };

  const announce = (before: CharacterSummary | undefined, after: CharacterSummary) => {
    if (before?.status !== 'training' || after.status === 'training') return;
    deps.onCreditsMoved?.();
    if (after.status === 'ready') {
      deps.notifier.notify({ title: `${after.name} is ready`, body: 'Training finished. Generate images and avatar packs with your character now.', onClick: deps.openCharacters });
    } else {
      deps.notifier.notify({ title: `Training ${after.name} failed`, body: `${after.error?.message ?? 'Training did not finish.'}`, onClick: deps.openCharacters });
    }
  };

  const apply = (next: CharactersState) => {
    const previous = new Map(state.items.map((c) => [c.id, c]));
    state = next;
    for (const c of next.items) announce(previous.get(c.id), c);
    deps.onChanged(state);
    schedule();
  };

  async function load(): Promise<Result<CharactersState>> {
    const res = await deps.backend.request<unknown>('GET', '/v1/characters');
    if (!res.ok) {
      // Keep polling through a blip, so a finished training is still announced.
      schedule();
      return { ok: false, code: res.error.code, message: res.error.message };
    }
    const parsed = wireList.safeParse(res.body);
    if (!parsed.success) return { ok: false, code: 'bad_response', message: 'The service answered something unexpected.' };
    apply({ items: parsed.data.items.map(toSummary), trainingCost: parsed.data.training_cost ?? state.trainingCost });
    return { ok: true, value: state };
  }

  function refresh(): Promise<Result<CharactersState>> {
    refreshing ??= load().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    state: () => state,
    refresh,

    async create(input: { name: string; type: (typeof CHARACTER_TYPES)[number]; photos: Array<{ name: string; bytes: Uint8Array }> }): Promise<Result<CharacterSummary>> {
      if (!deps.backend.isSignedIn()) return { ok: false, code: 'not_signed_in', message: 'Sign in to train a character.' };
      if (input.photos.length < MIN_CHARACTER_PHOTOS || input.photos.length > MAX_CHARACTER_PHOTOS) {
        return { ok: false, code: 'invalid_request', message: `Use ${MIN_CHARACTER_PHOTOS} to ${MAX_CHARACTER_PHOTOS} photos.` };
      }
      const form = new FormData();
      form.append('name', input.name);
      form.append('type', input.type);
      for (const [i, photo] of input.photos.entries()) {
        const type = sniffImageType(photo.bytes);
        if (!type) return { ok: false, code: 'unsupported_media_type', message: `${photo.name || `Photo ${i + 1}`} is not a PNG, JPEG or WebP image. Remove it and try again.`, details: { photo: i + 1 } };
        form.append('photos', new Blob([new Uint8Array(photo.bytes)], { type }), photo.name.replace(/[\\/]/g, '_').slice(-120) || `photo-${i + 1}`);
      }
      // Twenty photos can take a while on a slow uplink. One key per user action: if the answer is
      // lost (timeout, dropped connection) the same request is sent once more and the backend
      // answers the training it already started instead of starting (and charging) another.
      const send = () => deps.backend.request<unknown>('POST', '/v1/characters', { body: form, headers: { 'idempotency-key': key }, timeoutMs: 180_000 });
      const key = randomUUID();
      let res = await send();
      if (!res.ok && res.error.code === 'backend_unreachable') res = await send();
      if (!res.ok) return { ok: false, code: res.error.code, message: res.error.message, details: res.error.details };
      deps.onCreditsMoved?.();
      const created = wireCharacter.partial({ photo_count: true, created_at: true }).safeParse(res.body);
      await refresh();
      const listed = created.success ? state.items.find((c) => c.id === created.data.id) : undefined;
      if (listed) return { ok: true, value: listed };
      return { ok: false, code: 'bad_response', message: 'Training started, but the list could not be refreshed. It will appear shortly.' };
    },

    async remove(id: string): Promise<Result<{ deleted: true }>> {
      const res = await deps.backend.request<unknown>('DELETE', `/v1/characters/${encodeURIComponent(id)}`);
      if (!res.ok && res.error.status !== 404) return { ok: false, code: res.error.code, message: res.error.message };
      if (state.items.find((c) => c.id === id)?.status === 'training') deps.onCreditsMoved?.();
      apply({ ...state, items: state.items.filter((c) => c.id !== id) });
      return { ok: true, value: { deleted: true } };
    },

    async generate(request: { id: string; kind: 'image' | 'avatar-pack'; prompt?: string | undefined; aspectRatio?: string | undefined }): Promise<Result<GenerationJob>> {
      const input: GenerationInput = { character_id: request.id };
      if (request.kind === 'image') {
        if (!request.prompt) return { ok: false, code: 'invalid_request', message: 'Describe the picture first.' };
        input.prompt = request.prompt;
        if (request.aspectRatio) input.aspect_ratio = request.aspectRatio;
      }
      const res = await deps.generations.start(request.kind === 'image' ? CHARACTER_TOOLS.image : CHARACTER_TOOLS.avatarPack, input);
      return res.ok ? { ok: true, value: res.job } : res;
    },

    /** Forget everything (sign-out). */
    reset() {
      if (timer !== undefined) deps.clearTimeout(timer);
      timer = undefined;
      state = { items: [], trainingCost: state.trainingCost };
      deps.onChanged(state);
    },
  };
}

export type CharactersService = ReturnType<typeof createCharactersService>;
