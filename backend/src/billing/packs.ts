import type { CreditPack } from '../config.ts';
import type { PolarApi } from './polar.ts';

export interface PackView {
  id: string;
  credits: number;
  label: string;
  price?: { amount: number; currency: string };
}

const PRICE_TTL_MS = 5 * 60_000;

/**
 * The packs as API.md shows them, with the price Polar charges when Polar answers in time.
 * Prices are cached for a few minutes: the list is shown often and changes rarely. A pack
 * whose price cannot be read is still listed (Polar's checkout shows the price anyway).
 */
export function createPackCatalog(packs: CreditPack[], polar: PolarApi, now: () => number) {
  const cache = new Map<string, { at: number; price: PackView['price'] }>();

  async function priceOf(productId: string): Promise<PackView['price']> {
    const hit = cache.get(productId);
    if (hit && now() - hit.at < PRICE_TTL_MS) return hit.price;
    try {
      const product = await polar.products.get(productId, { timeout: 3 });
      const fixed = product.prices.find(
        (p): p is Extract<typeof p, { amount_type: 'fixed' }> => 'amount_type' in p && p.amount_type === 'fixed' && !p.is_archived,
      );
      const price = fixed ? { amount: fixed.price_amount, currency: fixed.price_currency } : undefined;
      cache.set(productId, { at: now(), price });
      return price;
    } catch {
      return hit?.price;
    }
  }

  return {
    async list(): Promise<PackView[]> {
      return Promise.all(
        packs.map(async (p) => {
          const price = await priceOf(p.product_id);
          return price ? { id: p.id, credits: p.credits, label: p.label, price } : { id: p.id, credits: p.credits, label: p.label };
        }),
      );
    },
  };
}
