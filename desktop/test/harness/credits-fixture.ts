import { createLedger } from '../../../backend/src/credits/ledger.ts';
import type { TestBackend } from '../../../backend/test/helpers/backend.ts';

const DAY = 86_400_000;

/**
 * A believable two weeks of credits for one user, written through the real ledger (with its
 * clock set back day by day): welcome credits, a purchase, a promotion, and usage across
 * tools, so the Credits page has history, paging and a chart to show.
 */
export function seedCreditHistory(backend: TestBackend, userId: string, now = Date.now()): void {
  let at = now;
  const ledger = createLedger(backend.deps.db, () => at);
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const spend = (tool: string, description: string, amount: number, key: string) => {
    const hold = ledger.reserve({ userId, amount, key: `seed:${userId}:${key}`, purpose: 'generation', ttlMs: 60_000 });
    ledger.capture({ holdId: hold.id, amount, description, metadata: { tool } });
  };
  at = now - 13 * DAY;
  ledger.grant({ userId, amount: 10, key: `seed:${userId}:welcome`, kind: 'signup', from: 'signup', description: 'Welcome credits' });
  at = now - 12 * DAY;
  ledger.grant({ userId, amount: 500, key: `seed:${userId}:order1`, kind: 'purchase', from: 'sales', description: 'Bought Creator — 500 credits', metadata: { order_id: 'seed-order-1' } });
  for (let d = 12; d >= 0; d--) {
    at = now - d * DAY + 60_000;
    if (d === 6) ledger.grant({ userId, amount: 50, key: `seed:${userId}:promo`, kind: 'promo', from: 'promo', description: 'Launch week promotion' });
    const images = Math.floor(rand() * 4);
    for (let i = 0; i < images; i++) spend('image-studio', 'Image Studio · 4 images', 8, `img:${d}:${i}`);
    if (rand() > 0.5) spend('upscale', 'Upscale ×4', 4, `up:${d}`);
    if (rand() > 0.6) spend('remove-background', 'Remove background', 2, `bg:${d}`);
    if (d === 9) spend('character-training', 'Trained character “Mia”', 60, 'train');
  }
}
