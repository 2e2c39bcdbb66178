import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './helpers/backend.ts';
import { fundedUser, generate, startGenerationRig, waitForFinal, type GenerationRig } from './helpers/generation.ts';

// The privacy policy's promises about generation, proven on the real pipeline.
describe('privacy of generations', () => {
  let rig: GenerationRig;
  beforeAll(async () => {
    rig = await startGenerationRig();
  });
  afterAll(() => rig?.stop());

  const dumpAllTables = () => {
    const db = rig.backend.deps.db;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    return tables.map((t) => ({ table: t, rows: db.prepare(`SELECT * FROM ${t}`).all() as Array<Record<string, unknown>> }));
  };

  it('after a generation, no table or file on the server holds the image', async () => {
    const user = await fundedUser(rig.backend, 20);
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'a red kite over hills' } });
    const done = await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(done.status).toBe('succeeded');
    const image = Buffer.from(await (await fetch(done.result.images[0].url)).arrayBuffer());
    expect(image.subarray(1, 4).toString()).toBe('PNG');
    const signatureB64 = image.subarray(0, 12).toString('base64').slice(0, 14);
    for (const { table, rows } of dumpAllTables()) {
      for (const row of rows) {
        for (const value of Object.values(row)) {
          expect(Buffer.isBuffer(value), `${table} holds binary data`).toBe(false);
          if (typeof value === 'string') expect(value, `${table} holds image data`).not.toContain(signatureB64);
        }
      }
    }
    // The backend's own folder holds only its database files: it never writes images to disk.
    expect(readdirSync(rig.backend.dir).filter((f) => !/\.sqlite(-wal|-shm)?$/.test(f))).toEqual([]);
  });

  it('keeps the prompt only in the 7-day prompt log, and not at all for a user who objected', async () => {
    const consenting = await fundedUser(rig.backend, 20);
    const objecting = await fundedUser(rig.backend, 20);
    await call(rig.backend.url, 'PATCH', '/v1/me/consents', { headers: objecting.auth, json: { prompt_logging: false } });
    const a = await generate(rig.backend, consenting.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'consenting-prompt-quokka' } });
    const b = await generate(rig.backend, objecting.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'objecting-prompt-narwhal' } });
    await waitForFinal(rig.backend, consenting.auth, a.json.id);
    await waitForFinal(rig.backend, objecting.auth, b.json.id);
    const holders = (needle: string) =>
      dumpAllTables()
        .filter(({ rows }) => JSON.stringify(rows).includes(needle))
        .map(({ table }) => table);
    expect(holders('consenting-prompt-quokka')).toEqual(['prompt_logs']);
    expect(holders('objecting-prompt-narwhal')).toEqual([]);
    const logs = rig.backend.logs.join('\n');
    expect(logs).not.toContain('consenting-prompt-quokka');
    expect(logs).not.toContain('objecting-prompt-narwhal');
  });

  it('counts uses per tool per day in aggregate, without the user', async () => {
    const user = await fundedUser(rig.backend, 20);
    const day = new Date().toISOString().slice(0, 10);
    const count = () => (rig.backend.deps.db.prepare('SELECT count FROM usage_daily WHERE day = ? AND tool = ?').pluck().get(day, 'text-to-image/flux-schnell') as number | undefined) ?? 0;
    const before = count();
    const res = await generate(rig.backend, user.auth, { tool: 'text-to-image/flux-schnell', input: { prompt: 'counted' } });
    await waitForFinal(rig.backend, user.auth, res.json.id);
    expect(count()).toBe(before + 1);
  });
});
