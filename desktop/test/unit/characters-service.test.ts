import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHARACTER_ENV, photos } from '../../../backend/test/helpers/characters.ts';
import { fundedUser, startGenerationRig, waitFor, type GenerationRig } from '../../../backend/test/helpers/generation.ts';
import { createStaticTokenBackend } from '../../main/authorized-backend.ts';
import { createBackendClient } from '../../main/backend-client.ts';
import { createCharactersService } from '../../main/characters/characters-service.ts';
import type { CharactersState } from '../../shared/characters.ts';

describe("main's characters service against the real backend and fal stand-in", () => {
  let rig: GenerationRig;
  beforeEach(async () => {
    rig = await startGenerationRig(CHARACTER_ENV);
  });
  afterEach(() => rig.stop());

  const service = (token: string | undefined) => {
    const notifications: string[] = [];
    const states: CharactersState[] = [];
    const started: Array<{ tool: string; input: Record<string, unknown> }> = [];
    const characters = createCharactersService({
      backend: createStaticTokenBackend(createBackendClient({ baseUrl: () => rig.backend.url }), token),
      generations: {
        start: async (tool, input) => {
          started.push({ tool, input });
          return { ok: false, code: 'recorded', message: 'recorded by the test' };
        },
      },
      notifier: { notify: (n) => (notifications.push(`${n.title} | ${n.body}`), true) },
      openCharacters: () => undefined,
      onChanged: (s) => states.push(s),
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
      pollMs: 50,
    });
    return { characters, notifications, states, started };
  };

  const upload = async (n: number) => (await photos(n)).map((bytes, i) => ({ name: `p${i}.png`, bytes: new Uint8Array(bytes) }));

  it('announces a finished training once, by itself, and then stops polling', async () => {
    rig.fal.setTrainingBehaviour({ queueMs: 20, runMs: 300 });
    const user = await fundedUser(rig.backend, 1000);
    const { characters, notifications, states } = service(user.accessToken);
    const created = await characters.create({ name: 'Ada', type: 'person', photos: await upload(5) });
    expect(created).toMatchObject({ ok: true, value: { name: 'Ada', status: 'training' } });
    await waitFor(() => notifications.length > 0, 'the ready notification');
    expect(notifications).toEqual(['Ada is ready | Training finished. Generate images and avatar packs with your character now.']);
    const afterReady = states.length;
    await new Promise((r) => setTimeout(r, 300));
    // Nothing trains any more: no further polls, no second notification.
    expect(states.length).toBe(afterReady);
    expect(notifications).toHaveLength(1);
  });

  it('says why training failed', async () => {
    rig.fal.setTrainingBehaviour({ queueMs: 20, runMs: 100, outcome: 'failure' });
    const user = await fundedUser(rig.backend, 1000);
    const { characters, notifications } = service(user.accessToken);
    await characters.create({ name: 'Rex', type: 'pet', photos: await upload(5) });
    await waitFor(() => notifications.length > 0, 'the failure notification');
    expect(notifications[0]).toMatch(/^Training Rex failed \| Training failed\. .*Nothing was charged/);
  });

  it('refuses non-images and too few photos before anything is sent, and names the photo', async () => {
    const user = await fundedUser(rig.backend, 1000);
    const { characters } = service(user.accessToken);
    const good = await upload(5);
    const withText = [...good.slice(0, 4), { name: 'notes.txt', bytes: new TextEncoder().encode('not a photo') }];
    expect(await characters.create({ name: 'Ada', type: 'person', photos: withText })).toMatchObject({ ok: false, code: 'unsupported_media_type', message: expect.stringContaining('notes.txt') });
    expect(await characters.create({ name: 'Ada', type: 'person', photos: good.slice(0, 4) })).toMatchObject({ ok: false, code: 'invalid_request' });
    expect(rig.fal.calls.submit).toBe(0);
    expect(rig.backend.deps.db.prepare('SELECT COUNT(*) FROM credit_holds').pluck().get()).toBe(0);
  });

  it('generates through the studio service with the character tools', async () => {
    const user = await fundedUser(rig.backend, 0);
    const { characters, started } = service(user.accessToken);
    await characters.generate({ id: 'chr_AAAAAAAAAAAAAAAA', kind: 'avatar-pack' });
    await characters.generate({ id: 'chr_AAAAAAAAAAAAAAAA', kind: 'image', prompt: '@ on a beach', aspectRatio: '16:9' });
    expect(started).toEqual([
      { tool: 'character/avatar-pack', input: { character_id: 'chr_AAAAAAAAAAAAAAAA' } },
      { tool: 'character/flux-lora', input: { character_id: 'chr_AAAAAAAAAAAAAAAA', prompt: '@ on a beach', aspect_ratio: '16:9' } },
    ]);
  });
});
