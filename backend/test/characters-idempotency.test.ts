import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { reconcileLedger } from '../src/credits/reconcile.ts';
import { call } from './helpers/backend.ts';
import { fundedUser, startGenerationRig, type GenerationRig } from './helpers/generation.ts';

const photo = (hue: number) => sharp({ create: { width: 600, height: 600, channels: 3, background: { r: hue, g: 120, b: 200 - (hue % 200) } } }).jpeg().toBuffer();

async function form(name: string, photos: Buffer[]): Promise<FormData> {
  const f = new FormData();
  f.append('name', name);
  f.append('type', 'person');
  photos.forEach((p, i) => f.append('photos', new Blob([new Uint8Array(p)], { type: 'image/jpeg' }), `p${i}.jpg`));
  return f;
}

// A retried upload must never start (and charge) a second training.
describe('POST /v1/characters with an Idempotency-Key', () => {
  let rig: GenerationRig;
  let photos: Buffer[];
  beforeAll(async () => {
    rig = await startGenerationRig();
    rig.fal.setTrainingBehaviour({ manual: true });
    photos = await Promise.all([10, 40, 70, 100, 130].map(photo));
  });
  afterAll(() => rig?.stop());

  const post = async (auth: Record<string, string>, key: string | undefined, body: FormData) =>
    call(rig.backend.url, 'POST', '/v1/characters', { headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) }, body });

  it('the same request twice (even at once) answers one character and holds once', async () => {
    const user = await fundedUser(rig.backend, 1000);
    const [a, b] = await Promise.all([post(user.auth, 'train-1', await form('Maya', photos)), post(user.auth, 'train-1', await form('Maya', photos))]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.json.id).toBe(b.json.id);
    const again = await post(user.auth, 'train-1', await form('Maya', photos));
    expect(again.json.id).toBe(a.json.id);
    expect(rig.backend.deps.db.prepare('SELECT COUNT(*) FROM characters WHERE user_id = ?').pluck().get(user.userId)).toBe(1);
    expect(rig.backend.deps.ledger.balance(user.userId).held).toBe(a.json.cost);
    expect(reconcileLedger(rig.backend.deps.db).ok).toBe(true);
  });

  it('the same key with other photos is a 409 and starts nothing', async () => {
    const user = await fundedUser(rig.backend, 1000);
    expect((await post(user.auth, 'train-2', await form('Maya', photos))).status).toBe(202);
    const other = await post(user.auth, 'train-2', await form('Maya', [...photos.slice(1), await photo(200)]));
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('idempotency_key_reused');
    expect(rig.backend.deps.db.prepare('SELECT COUNT(*) FROM characters WHERE user_id = ?').pluck().get(user.userId)).toBe(1);
  });

  it('without a key, two uploads are two trainings (as API.md allows)', async () => {
    const user = await fundedUser(rig.backend, 1000);
    await post(user.auth, undefined, await form('Maya', photos));
    await post(user.auth, undefined, await form('Maya', photos));
    expect(rig.backend.deps.db.prepare('SELECT COUNT(*) FROM characters WHERE user_id = ?').pluck().get(user.userId)).toBe(2);
  });

  it('refuses a malformed key with a 400 before reading the photos', async () => {
    const user = await fundedUser(rig.backend, 1000);
    const res = await post(user.auth, 'bad key with spaces', await form('Maya', photos));
    expect(res.status).toBe(400);
    expect(rig.backend.deps.ledger.balance(user.userId).held).toBe(0);
  });
});
