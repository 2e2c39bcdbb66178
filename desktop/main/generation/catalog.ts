import type { CatalogTool, JsonSchema } from '../../shared/studio-types.ts';
import type { AuthorizedBackend } from '../authorized-backend.ts';
import type { BackendClient } from '../backend-client.ts';
import { catalogSchema, quoteSchema } from './wire.ts';

export type CatalogAnswer = { ok: true; tools: CatalogTool[] } | { ok: false; code: string; message: string };
export type QuoteAnswer = { ok: true; cost: number } | { ok: false; code: string; message: string; details?: unknown };

/**
 * The tool catalog (public, cached for a few minutes: prices change rarely, and the studio
 * asks often) and quotes (exact cost of one request; the backend owns prices).
 */
export function createToolCatalog(deps: { client: BackendClient; backend: AuthorizedBackend; now: () => number; ttlMs?: number }) {
  const ttl = deps.ttlMs ?? 5 * 60_000;
  let cached: { at: number; tools: CatalogTool[] } | undefined;

  async function tools(opts: { refresh?: boolean } = {}): Promise<CatalogAnswer> {
    if (cached && !opts.refresh && deps.now() - cached.at < ttl) return { ok: true, tools: cached.tools };
    const res = await deps.client.request<unknown>('GET', '/v1/tools');
    if (!res.ok) return cached ? { ok: true, tools: cached.tools } : { ok: false, code: res.error.code, message: res.error.message };
    const parsed = catalogSchema.safeParse(res.body);
    if (!parsed.success) return { ok: false, code: 'bad_catalog', message: 'The service sent a tool list this version cannot read. Update PromptPixels.' };
    const list: CatalogTool[] = parsed.data.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      ...(t.group ? { group: t.group } : {}),
      ...(t.description ? { description: t.description } : {}),
      params: t.params as JsonSchema,
      pricing: t.pricing,
    }));
    cached = { at: deps.now(), tools: list };
    return { ok: true, tools: list };
  }

  async function quote(tool: string, input: Record<string, unknown>): Promise<QuoteAnswer> {
    // Quotes need no account; a signed-in request lets the backend apply the user's own terms.
    const body = { tool, input };
    const res = deps.backend.isSignedIn()
      ? await deps.backend.request<unknown>('POST', '/v1/quotes', { body })
      : await deps.client.request<unknown>('POST', '/v1/quotes', { body });
    if (!res.ok) return { ok: false, code: res.error.code, message: res.error.message, details: res.error.details };
    const parsed = quoteSchema.safeParse(res.body);
    return parsed.success ? { ok: true, cost: parsed.data.cost } : { ok: false, code: 'bad_quote', message: 'The service sent a price this version cannot read.' };
  }

  async function find(id: string): Promise<CatalogTool | undefined> {
    const res = await tools();
    return res.ok ? res.tools.find((t) => t.id === id) : undefined;
  }

  return { tools, quote, find };
}

export type ToolCatalog = ReturnType<typeof createToolCatalog>;
