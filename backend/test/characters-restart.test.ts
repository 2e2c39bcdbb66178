import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trainingCost } from '../src/characters/service.ts';
import { startFalStandIn, type FalStandIn } from '../src/sandbox/fal-stand-in.ts';
import { startTestBackend } from './helpers/backend.ts';
import { CHARACTER_ENV, characterForm, characterRow, photos, postCharacter, waitForTrained } from './helpers/characters.ts';
import { balance, expectLedgerConsistent, fundedUser, waitFor } from './helpers/generation.ts';

describe('characters: a restart during training', () => {
  let fal: FalStandIn;
  beforeEach(async () => {
    fal = await startFalStandIn();
  });
  afterEach(async () => {
    await fal.close();
  });

  it('is settled exactly once by the next backend on the same database', async () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'pp-characters-')), 'db.sqlite');
    fal.setTrainingBehaviour({ queueMs: 10, runMs: 100, manual: true });
    const first = await startTestBackend({ ...fal.env, ...CHARACTER_ENV }, { databasePath });
    const user = await fundedUser(first, 1000);
    const created = await postCharacter(first, user.auth, characterForm(await photos(5)));
    expect(created.status).toBe(202);
    await waitFor(() => (characterRow(first, created.json.id)!.progress ?? 0) > 0, 'progress from the first backend');
    await first.stop();

    // fal finishes while no backend is watching.
    fal.finish();
    const second = await startTestBackend({ ...fal.env, ...CHARACTER_ENV }, { databasePath });
    try {
      const ready = await waitForTrained(second, user.auth, created.json.id);
      expect(ready.status).toBe('ready');
      expect(await balance(second, user.auth)).toMatchObject({ balance: 1000 - trainingCost(), held: 0 });
      const captures = second.deps.db.prepare(`SELECT COUNT(*) FROM ledger_transactions WHERE kind = 'usage'`).pluck().get();
      expect(captures).toBe(1);
      expect(characterRow(second, created.json.id)!.photos_url).toBeNull();
      expectLedgerConsistent(second);
    } finally {
      await second.stop();
    }
  });
});
