import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sizeOfFalInput } from '../generation/aspect-ratios.ts';
import { editWithWords, enhance, removeBackground, renderPlaceholder, upscale } from './fal-stand-in-images.ts';
import type { StandIn, StandInFactory } from './stand-ins.ts';
import { countTrainingImages, LORA, readWeights, TRAINER, trainingLogs, weightsFile } from './fal-stand-in-trainer.ts';

/**
 * A local fal.ai for tests and sandbox mode, speaking fal's queue wire format
 * (notes/fal.md): submit, status with queue position and logs, result with x-fal-request-id,
 * cancel, storage upload (initiate + PUT), 422 `detail` errors. Results are real PNGs drawn
 * here, labelled "SANDBOX placeholder", served from this server's own URLs.
 */

export type StandInOutcome =
  | 'success'
  /** The model failed: COMPLETED, then the result answers 422 with a `detail`. */
  | 'failure'
  /** The result is refused under the content policy (422, type content_policy_violation). */
  | 'content_policy'
  /** Submit itself is refused under the content policy. */
  | 'submit_content_policy'
  /** Submit refuses the input (422 field error). */
  | 'submit_rejected';

export interface StandInBehaviour {
  outcome: StandInOutcome;
  /** Time spent IN_QUEUE, counting queue_position down from `queuePosition`. */
  queueMs: number;
  queuePosition: number;
  /** Time spent IN_PROGRESS; progress logs "Step k/N" appear as it passes. */
  runMs: number;
  steps: number;
  /** Stay IN_PROGRESS until finish() is called (for restart tests). */
  manual: boolean;
  /** Deliver only this many images (fewer than asked), if set. */
  imagesReturned?: number | undefined;
  /** Mark the first N images as flagged by the safety checker (black, has_nsfw_concepts true). */
  flaggedImages: number;
}

const DEFAULTS: StandInBehaviour = { outcome: 'success', queueMs: 400, queuePosition: 2, runMs: 1500, steps: 8, manual: false, flaggedImages: 0 };

interface Job {
  id: string;
  endpoint: string;
  appPath: string;
  input: Record<string, unknown>;
  behaviour: StandInBehaviour;
  submittedAt: number;
  finishedAt?: number;
  canceled: boolean;
  result?: Promise<{ status: number; body: unknown }>;
  expiresInS?: number;
  /** Trainer jobs: the images found in the zip when the job was accepted. */
  trainingImages?: number;
}

interface StoredFile {
  bytes: Buffer;
  contentType: string;
  expiresAt: number;
}

export interface Submission {
  endpoint: string;
  input: Record<string, unknown>;
  authorization: string | undefined;
  lifecycle: string | undefined;
}

export interface FalStandIn extends StandIn {
  /** The behaviour of jobs submitted from now on (merged over the defaults). */
  setBehaviour(b: Partial<StandInBehaviour>): void;
  /** Completes manual jobs (all, or one by request id). */
  finish(requestId?: string): void;
  submissions: Submission[];
  calls: { submit: number; status: number; result: number; cancel: number };
  jobState(requestId: string): 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED' | undefined;
  /** The behaviour of LoRA trainings submitted from now on (separate from generations). */
  setTrainingBehaviour(b: Partial<StandInBehaviour>): void;
  /** Whether storage still serves this URL (expired objects are deleted, as fal's lifecycle does). */
  hasFile(url: string): boolean;
  /** Every object storage currently holds (expired ones are deleted first). */
  storedFiles(): Array<{ url: string; contentType: string; expiresAt: number }>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

const readBody = (req: IncomingMessage, limit = 50 * 1024 * 1024) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const REMOVE_BACKGROUND = /^fal-ai\/(birefnet|imageutils\/rembg)/;
const UPSCALE = /^fal-ai\/(esrgan|aura-sr|clarity-upscaler|recraft\/upscale|codeformer)/;
const EDIT = /^fal-ai\/(flux-pro\/kontext|flux-kontext)/;

export async function startFalStandIn(opts: { now?: () => number } = {}): Promise<FalStandIn> {
  const now = opts.now ?? Date.now;
  let behaviour: StandInBehaviour = { ...DEFAULTS };
  let trainingBehaviour: StandInBehaviour = { ...DEFAULTS, queueMs: 200, runMs: 3000, steps: 10 };
  const jobs = new Map<string, Job>();
  const files = new Map<string, StoredFile>();
  const uploads = new Map<string, { fileId: string; contentType: string; expiresAt: number }>();
  const submissions: Submission[] = [];
  const calls = { submit: 0, status: 0, result: 0, cancel: 0 };
  let base = '';

  const state = (job: Job): 'IN_QUEUE' | 'IN_PROGRESS' | 'COMPLETED' => {
    if (job.canceled || job.finishedAt !== undefined) return 'COMPLETED';
    const elapsed = now() - job.submittedAt;
    if (elapsed < job.behaviour.queueMs) return 'IN_QUEUE';
    if (job.behaviour.manual || elapsed < job.behaviour.queueMs + job.behaviour.runMs) return 'IN_PROGRESS';
    job.finishedAt = job.submittedAt + job.behaviour.queueMs + job.behaviour.runMs;
    return 'COMPLETED';
  };

  // Expired files are deleted, as fal's object lifecycle deletes them.
  const sweep = () => {
    for (const [fileId, f] of files) if (f.expiresAt <= now()) files.delete(fileId);
  };
  const storeFile = (bytes: Buffer, contentType: string, expiresInS = 3600) => {
    sweep();
    const id = randomUUID();
    files.set(id, { bytes, contentType, expiresAt: now() + expiresInS * 1000 });
    return `${base}/files/${id}`;
  };

  /** Reads an input image: only this stand-in's own files or data: URIs (no fetching elsewhere). */
  const loadInputImage = (url: unknown): Buffer | undefined => {
    if (typeof url !== 'string') return undefined;
    if (url.startsWith('data:')) return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
    if (!url.startsWith(`${base}/files/`)) return undefined;
    const f = files.get(url.slice(`${base}/files/`.length));
    return f && f.expiresAt > now() ? f.bytes : undefined;
  };

  const produceResult = async (job: Job): Promise<{ status: number; body: unknown }> => {
    const b = job.behaviour;
    if (job.canceled) return { status: 400, body: { detail: 'Request was cancelled.' } };
    if (b.outcome === 'failure') return { status: 422, body: { detail: [{ loc: ['body'], msg: 'The model failed to generate an image.', type: 'generation_error' }] } };
    if (b.outcome === 'content_policy') {
      return { status: 422, body: { detail: [{ loc: ['body', 'prompt'], msg: 'The content could not be processed because it contained material flagged by a content checker.', type: 'content_policy_violation' }] } };
    }
    const ttl = job.expiresInS;
    if (TRAINER.test(job.endpoint)) {
      if (job.trainingImages === undefined || job.trainingImages < 4) {
        return { status: 422, body: { detail: [{ loc: ['body', 'images_data_url'], msg: 'At least 4 images are needed in the training data.', type: 'value_error' }] } };
      }
      // Without a lifecycle preference the weights stay (like fal's default retention for outputs).
      const weights = weightsFile(String(job.input.trigger_word), job.trainingImages);
      const url = storeFile(weights, 'application/octet-stream', ttl ?? Number.MAX_SAFE_INTEGER / 1000);
      return { status: 200, body: { diffusers_lora_file: { url, content_type: 'application/octet-stream', file_name: 'pytorch_lora_weights.safetensors', file_size: weights.length }, config_file: { url, content_type: 'application/json', file_name: 'config.json' } } };
    }
    if (REMOVE_BACKGROUND.test(job.endpoint) || UPSCALE.test(job.endpoint)) {
      const bytes = loadInputImage(job.input.image_url);
      if (!bytes) return { status: 422, body: { detail: [{ loc: ['body', 'image_url'], msg: 'Could not download the image.', type: 'image_load_error' }] } };
      const n = (k: string) => (typeof job.input[k] === 'number' ? job.input[k] : undefined);
      const factor = n('upscale_factor') ?? n('scale') ?? n('upscaling') ?? 2;
      const out = REMOVE_BACKGROUND.test(job.endpoint)
        ? await removeBackground(bytes)
        : job.endpoint.startsWith('fal-ai/clarity-upscaler')
          ? await enhance(bytes, factor, n('creativity') ?? 0.35)
          : await upscale(bytes, factor);
      return { status: 200, body: { image: { url: storeFile(out.png, 'image/png', ttl), width: out.width, height: out.height, content_type: 'image/png', file_name: 'image.png' } } };
    }
    if (EDIT.test(job.endpoint)) {
      const bytes = loadInputImage(job.input.image_url);
      if (!bytes) return { status: 422, body: { detail: [{ loc: ['body', 'image_url'], msg: 'Could not download the image.', type: 'image_load_error' }] } };
      const out = await editWithWords(bytes, String(job.input.prompt ?? ''));
      const image = { url: storeFile(out.jpeg, 'image/jpeg', ttl), width: out.width, height: out.height, content_type: 'image/jpeg' };
      return { status: 200, body: { images: [image], seed: typeof job.input.seed === 'number' ? job.input.seed : 1, has_nsfw_concepts: [false], prompt: job.input.prompt } };
    }
    const size = sizeOfFalInput(job.endpoint, job.input);
    const asked = typeof job.input.num_images === 'number' ? job.input.num_images : 1;
    const count = Math.max(0, Math.min(asked, b.imagesReturned ?? asked));
    let prompt = typeof job.input.prompt === 'string' ? job.input.prompt : '';
    if (LORA.test(job.endpoint)) {
      const loras = Array.isArray(job.input.loras) ? (job.input.loras as Array<{ path?: unknown }>) : [];
      const weights = loras.map((l) => readWeights(loadInputImage(l?.path)));
      if (weights.length === 0 || weights.some((w) => w === undefined)) {
        return { status: 422, body: { detail: [{ loc: ['body', 'loras'], msg: 'Could not load the LoRA weights.', type: 'lora_load_error' }] } };
      }
      prompt = `[LoRA ${weights.map((w) => w!.trigger_word).join(', ')}] ${prompt}`;
    }
    const images = [];
    const flags: boolean[] = [];
    for (let i = 0; i < count; i++) {
      const flagged = i < b.flaggedImages;
      const png = await renderPlaceholder({ ...size, prompt, index: i, flagged });
      images.push({ url: storeFile(png, 'image/png', ttl), width: size.width, height: size.height, content_type: 'image/png' });
      flags.push(flagged);
    }
    const seed = typeof job.input.seed === 'number' ? job.input.seed : Math.floor(Math.random() * 2 ** 31);
    return { status: 200, body: { images, seed, has_nsfw_concepts: flags, prompt, timings: { inference: b.runMs / 1000 } } };
  };

  const handleQueue = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    // path: {owner}/{alias}[/{sub}…][/requests/{id}[/status|/cancel]]
    const requests = /^(.+?)\/requests\/([^/]+)(\/status|\/cancel)?$/.exec(path);
    if (!requests) {
      if (req.method !== 'POST') return json(res, 405, { detail: 'Method not allowed' });
      calls.submit++;
      const input = JSON.parse((await readBody(req)).toString('utf8') || '{}') as Record<string, unknown>;
      submissions.push({ endpoint: path, input, authorization: req.headers.authorization, lifecycle: req.headers['x-fal-object-lifecycle-preference'] as string | undefined });
      if (submissions.length > 1000) submissions.shift();
      const trainer = TRAINER.test(path);
      const b = trainer ? trainingBehaviour : behaviour;
      const imageTool = REMOVE_BACKGROUND.test(path) || UPSCALE.test(path);
      let trainingImages: number | undefined;
      if (trainer) {
        if (typeof input.images_data_url !== 'string') return json(res, 422, { detail: [{ loc: ['body', 'images_data_url'], msg: 'field required', type: 'missing' }] });
        const zip = loadInputImage(input.images_data_url);
        trainingImages = zip ? countTrainingImages(zip) : undefined;
      } else if (!imageTool && (typeof input.prompt !== 'string' || input.prompt.trim() === '')) {
        return json(res, 422, { detail: [{ loc: ['body', 'prompt'], msg: 'field required', type: 'missing' }] });
      }
      if ((imageTool || EDIT.test(path)) && typeof input.image_url !== 'string') return json(res, 422, { detail: [{ loc: ['body', 'image_url'], msg: 'field required', type: 'missing' }] });
      if (b.outcome === 'submit_rejected') return json(res, 422, { detail: [{ loc: ['body', 'prompt'], msg: 'Input rejected by the model.', type: 'value_error' }] });
      if (b.outcome === 'submit_content_policy') {
        return json(res, 422, { detail: [{ loc: ['body', 'prompt'], msg: 'Prompt flagged by the content checker.', type: 'content_policy_violation' }] });
      }
      const id = randomUUID();
      const appPath = path.split('/').slice(0, 2).join('/');
      let expiresInS: number | undefined;
      try {
        const pref = JSON.parse(String(req.headers['x-fal-object-lifecycle-preference'] ?? '{}')) as { expiration_duration_seconds?: unknown };
        if (typeof pref.expiration_duration_seconds === 'number') expiresInS = pref.expiration_duration_seconds;
      } catch {
        return json(res, 400, { detail: 'Invalid x-fal-object-lifecycle-preference header.' });
      }
      jobs.set(id, { id, endpoint: path, appPath, input, behaviour: b, submittedAt: now(), canceled: false, ...(expiresInS ? { expiresInS } : {}), ...(trainer ? { trainingImages } : {}) });
      const urlBase = `https://queue.fal.run/${appPath}/requests/${id}`;
      return json(res, 200, { status: 'IN_QUEUE', request_id: id, response_url: urlBase, status_url: `${urlBase}/status`, cancel_url: `${urlBase}/cancel`, queue_position: b.queuePosition });
    }
    const [, app, id, action] = requests;
    const job = jobs.get(id!);
    // Status, result and cancel use the app path without any sub-path (notes/fal.md).
    if (!job || job.appPath !== app) return json(res, 404, { detail: 'Request not found' });
    const s = state(job);
    if (action === '/status' && req.method === 'GET') {
      calls.status++;
      if (s === 'IN_QUEUE') {
        const left = 1 - (now() - job.submittedAt) / Math.max(1, job.behaviour.queueMs);
        return json(res, 202, { status: 'IN_QUEUE', request_id: id, queue_position: Math.max(0, Math.round(job.behaviour.queuePosition * left)) });
      }
      const started = job.submittedAt + job.behaviour.queueMs;
      if (TRAINER.test(job.endpoint)) {
        const logs = trainingLogs(started, job.behaviour.runMs, now(), s === 'COMPLETED');
        return json(res, s === 'COMPLETED' ? 200 : 202, { status: s, request_id: id, logs });
      }
      const steps = job.behaviour.steps;
      const done = s === 'COMPLETED' ? steps : Math.min(steps - 1, Math.floor(((now() - started) / Math.max(1, job.behaviour.runMs)) * steps));
      const logs = [{ message: 'Loading model weights', level: 'INFO', source: 'USER', timestamp: new Date(started).toISOString() }];
      for (let k = 1; k <= done; k++) logs.push({ message: `Step ${k}/${steps}`, level: 'INFO', source: 'USER', timestamp: new Date(started + (k * job.behaviour.runMs) / steps).toISOString() });
      if (s === 'IN_PROGRESS') return json(res, 202, { status: 'IN_PROGRESS', request_id: id, logs });
      return json(res, 200, { status: 'COMPLETED', request_id: id, logs, metrics: { inference_time: job.behaviour.runMs / 1000 } });
    }
    if (action === '/cancel' && req.method === 'PUT') {
      calls.cancel++;
      if (s === 'COMPLETED') return json(res, 400, { status: 'ALREADY_COMPLETED' });
      job.canceled = true;
      return json(res, 202, { status: 'CANCELLATION_REQUESTED' });
    }
    if (!action && req.method === 'GET') {
      calls.result++;
      if (s !== 'COMPLETED') return json(res, 400, { detail: 'Request is still in progress' });
      job.result ??= produceResult(job);
      const result = await job.result;
      return json(res, result.status, result.body, { 'x-fal-request-id': job.id });
    }
    return json(res, 405, { detail: 'Method not allowed' });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname;
    if (path.startsWith('/files/') && req.method === 'GET') {
      const f = files.get(path.slice('/files/'.length));
      if (!f || f.expiresAt <= now()) return json(res, 404, { detail: 'File not found or expired' });
      res.writeHead(200, { 'content-type': f.contentType, 'content-length': f.bytes.length, 'cache-control': 'no-store' });
      return res.end(f.bytes);
    }
    if (path.startsWith('/upload/') && req.method === 'PUT') {
      const upload = uploads.get(path.slice('/upload/'.length));
      if (!upload || upload.expiresAt <= now()) return json(res, 404, { detail: 'Upload URL not found or expired' });
      files.set(upload.fileId, { bytes: await readBody(req), contentType: upload.contentType, expiresAt: upload.expiresAt });
      return json(res, 200, { status: 'ok' });
    }
    if (!/^Key \S+$/.test(req.headers.authorization ?? '')) return json(res, 401, { detail: 'Missing or invalid fal credentials' });
    if (path.startsWith('/queue.fal.run/')) return handleQueue(req, res, path.slice('/queue.fal.run/'.length));
    if (path === '/rest.fal.ai/storage/upload/initiate' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}') as { content_type?: unknown; file_name?: unknown };
      if (typeof body.content_type !== 'string') return json(res, 422, { detail: [{ loc: ['body', 'content_type'], msg: 'field required', type: 'missing' }] });
      let ttl = 3600;
      try {
        const lc = JSON.parse(String(req.headers['x-fal-object-lifecycle'] ?? '{}')) as { expiration_duration_seconds?: unknown };
        if (typeof lc.expiration_duration_seconds === 'number') ttl = lc.expiration_duration_seconds;
      } catch {
        return json(res, 400, { detail: 'Invalid X-Fal-Object-Lifecycle header.' });
      }
      const token = randomUUID();
      const fileId = randomUUID();
      uploads.set(token, { fileId, contentType: body.content_type, expiresAt: now() + ttl * 1000 });
      return json(res, 200, { upload_url: `${base}/upload/${token}`, file_url: `${base}/files/${fileId}` });
    }
    return json(res, 404, { detail: 'Not found' });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      // 4xx, never 5xx: the real client retries 5xx for ~30 s (notes/fal.md).
      if (!res.headersSent) json(res, 400, { detail: 'Bad request' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    name: 'fal',
    url: base,
    env: { FAL_KEY: 'sandbox-fal-key', PP_FAL_ORIGIN: base },
    submissions,
    calls,
    setBehaviour(b) {
      behaviour = { ...DEFAULTS, ...b };
    },
    setTrainingBehaviour(b) {
      trainingBehaviour = { ...DEFAULTS, queueMs: 200, runMs: 3000, steps: 10, ...b };
    },
    hasFile(url) {
      sweep();
      return url.startsWith(`${base}/files/`) && files.has(url.slice(`${base}/files/`.length));
    },
    storedFiles() {
      sweep();
      return [...files].map(([fileId, f]) => ({ url: `${base}/files/${fileId}`, contentType: f.contentType, expiresAt: f.expiresAt }));
    },
    finish(requestId) {
      for (const job of jobs.values()) {
        if ((requestId === undefined || job.id === requestId) && job.finishedAt === undefined && !job.canceled) job.finishedAt = now();
      }
    },
    jobState(requestId) {
      const job = jobs.get(requestId);
      return job ? state(job) : undefined;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const falStandInFactory: StandInFactory = () => startFalStandIn();
