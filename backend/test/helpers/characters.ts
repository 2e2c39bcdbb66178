import sharp from 'sharp';
import { call, type TestBackend } from './backend.ts';

/** A real, distinct photo (a PNG with a coloured square) for training uploads. */
export async function photo(index: number, size = 320): Promise<Buffer> {
  const hue = (index * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="hsl(${hue},60%,50%)"/><circle cx="${size / 2}" cy="${size / 2}" r="${size / 4 + index}" fill="#fff"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function photos(count: number): Promise<Buffer[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => photo(i)));
}

export function characterForm(files: Array<Buffer | { bytes: Buffer; name: string; type?: string }>, fields: Record<string, string> = { name: 'Ada', type: 'person' }): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  files.forEach((f, i) => {
    const file = Buffer.isBuffer(f) ? { bytes: f, name: `photo-${i + 1}.png`, type: 'image/png' } : f;
    form.append('photos', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'image/png' }), file.name);
  });
  return form;
}

export const postCharacter = (backend: TestBackend, auth: Record<string, string>, form: FormData) =>
  call(backend.url, 'POST', '/v1/characters', { body: form, headers: auth });

export const getCharacter = (backend: TestBackend, auth: Record<string, string>, id: string) =>
  call(backend.url, 'GET', `/v1/characters/${id}`, { headers: auth });

/** Polls GET until the training leaves `training`; `onTraining` sees each in-progress view. */
export async function waitForTrained(backend: TestBackend, auth: Record<string, string>, id: string, onTraining?: (view: Record<string, any>) => void, limitMs = 20_000) {
  const until = Date.now() + limitMs;
  for (;;) {
    const res = await getCharacter(backend, auth, id);
    if (res.json?.status !== 'training') return res.json as Record<string, any>;
    onTraining?.(res.json);
    if (Date.now() > until) throw new Error(`character ${id} did not finish training: ${res.text}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const characterRow = (backend: TestBackend, id: string) =>
  backend.deps.db.prepare('SELECT * FROM characters WHERE id = ?').get(id) as Record<string, any> | undefined;

/** Test env: generous spend limits (training costs hundreds of credits) and a short photo lifetime. */
export const CHARACTER_ENV = { PP_NEW_ACCOUNT_DAILY_LIMIT: '100000', PP_SPEND_LIMIT_DAY: '100000', PP_SPEND_LIMIT_HOUR: '100000', PP_TRAINING_PHOTOS_TTL_S: '2' };
