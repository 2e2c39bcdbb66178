import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../http/html.ts';
import {
  checkoutJson,
  newPolarId,
  orderJson,
  productJson,
  signWebhook,
  type StandInCheckout,
  type StandInOrder,
  type StandInProduct,
} from './polar-shapes.ts';
import type { StandIn, StandInContext } from './stand-ins.ts';

/** The packs the stand-in sells, and one product that is not a credit pack (for tests). */
export const STAND_IN_PRODUCTS: StandInProduct[] = [
  { id: '5f0c1a52-0000-4000-8000-00000000c100', name: 'Starter — 100 credits', price_amount: 500, price_currency: 'usd' },
  { id: '5f0c1a52-0000-4000-8000-00000000c500', name: 'Creator — 500 credits', price_amount: 2000, price_currency: 'usd' },
  { id: '5f0c1a52-0000-4000-8000-0000000c2000', name: 'Studio — 2,000 credits', price_amount: 6000, price_currency: 'usd' },
  { id: '5f0c1a52-0000-4000-8000-00000000beef', name: 'Sticker sheet (not credits)', price_amount: 300, price_currency: 'usd' },
];
export const STAND_IN_PACKS = [
  { id: 'starter', product_id: STAND_IN_PRODUCTS[0]!.id, credits: 100, label: 'Starter — 100 credits' },
  { id: 'creator', product_id: STAND_IN_PRODUCTS[1]!.id, credits: 500, label: 'Creator — 500 credits' },
  { id: 'studio', product_id: STAND_IN_PRODUCTS[2]!.id, credits: 2000, label: 'Studio — 2,000 credits' },
];

export interface Delivery {
  id: string;
  type: string;
  body: string;
  status: number;
}

export interface DeliverOptions {
  /** Reuse a webhook-id (a retry or a replay). */
  webhookId?: string;
  /** Seconds since the epoch to sign with (stale-timestamp tests). */
  timestampS?: number;
  /** Sign with another secret (bad-signature tests). */
  secret?: string;
}

export interface PolarStandIn extends StandIn {
  secret: string;
  accessToken: string;
  checkouts: Map<string, StandInCheckout>;
  orders: Map<string, StandInOrder>;
  deliveries: Delivery[];
  setWebhookTarget(url: string): void;
  /** What the "Pay" button does: records a paid order and delivers order.created then order.paid. */
  pay(checkoutId: string, opts?: { deliver?: boolean }): Promise<StandInOrder>;
  /** Refunds `amount` more cents (cumulative on the order) and delivers order.refunded. */
  refund(orderId: string, amount: number, opts?: { deliver?: boolean }): Promise<StandInOrder>;
  /** Signs and sends an event about an order, as Polar would. */
  deliverOrder(type: string, order: StandInOrder, opts?: DeliverOptions): Promise<Delivery>;
  /** Signs and sends any body (unknown types, odd payloads). */
  deliverRaw(type: string, body: string, opts?: DeliverOptions): Promise<Delivery>;
  /** Sends a delivery again with the same webhook-id and body, freshly timestamped (Polar's retry). */
  redeliver(delivery: Delivery): Promise<Delivery>;
  /** An order as Polar would have it without any webhook sent (reconciliation tests). */
  createOrder(opts: { externalCustomerId: string; productId: string; metadata?: Record<string, string> }): StandInOrder;
}

/**
 * A local stand-in for Polar on 127.0.0.1: the API endpoints the backend's SDK calls
 * (products get, checkouts create/get, orders list), a checkout page clearly labelled SANDBOX
 * whose "Pay" button records an order and sends correctly signed webhooks to the backend, and
 * helpers for tests to refund, replay and misdeliver.
 */
export async function startPolarStandIn(ctx: StandInContext & { now?: () => number }): Promise<PolarStandIn> {
  const now = ctx.now ?? Date.now;
  const secret = `whsec_${randomBytes(24).toString('base64')}`;
  const accessToken = `polar_oat_sandbox_${randomBytes(16).toString('hex')}`;
  const checkouts = new Map<string, StandInCheckout>();
  const orders = new Map<string, StandInOrder>();
  const deliveries: Delivery[] = [];
  let webhookTarget = `${ctx.backendUrl.replace(/\/+$/, '')}/webhooks/polar`;
  let baseUrl = '';

  const iso = () => new Date(now()).toISOString();
  const product = (id: string) => STAND_IN_PRODUCTS.find((p) => p.id === id);

  async function deliverRaw(type: string, body: string, opts: DeliverOptions = {}): Promise<Delivery> {
    const id = opts.webhookId ?? `msg_${randomBytes(12).toString('hex')}`;
    const headers = signWebhook(opts.secret ?? secret, id, opts.timestampS ?? Math.floor(now() / 1000), body);
    let status = 0;
    try {
      const res = await fetch(webhookTarget, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    const delivery = { id, type, body, status };
    deliveries.push(delivery);
    return delivery;
  }

  const deliverOrder = (type: string, order: StandInOrder, opts?: DeliverOptions) =>
    deliverRaw(type, JSON.stringify({ type, timestamp: iso(), data: orderJson(order) }), opts);

  function createOrder(opts: { externalCustomerId: string; productId: string; metadata?: Record<string, string>; checkout?: StandInCheckout }): StandInOrder {
    const p = product(opts.productId);
    if (!p) throw new Error(`the stand-in does not sell ${opts.productId}`);
    const order: StandInOrder = {
      id: newPolarId(),
      checkout: opts.checkout ?? null,
      product: p,
      status: 'paid',
      paid: true,
      billing_reason: 'purchase',
      refunded_amount: 0,
      created_at: iso(),
      modified_at: null,
      external_customer_id: opts.externalCustomerId,
      metadata: opts.metadata ?? {},
    };
    orders.set(order.id, order);
    return order;
  }

  async function pay(checkoutId: string, opts: { deliver?: boolean } = {}): Promise<StandInOrder> {
    const checkout = checkouts.get(checkoutId);
    if (!checkout) throw new Error(`no checkout ${checkoutId}`);
    const existing = [...orders.values()].find((o) => o.checkout?.id === checkoutId);
    if (existing) return existing;
    checkout.status = 'succeeded';
    const order = createOrder({
      externalCustomerId: checkout.external_customer_id ?? '',
      productId: checkout.product.id,
      metadata: Object.fromEntries(Object.entries(checkout.metadata).map(([k, v]) => [k, String(v)])),
      checkout,
    });
    if (opts.deliver !== false) {
      await deliverOrder('order.created', order);
      await deliverOrder('order.paid', order);
    }
    return order;
  }

  async function refund(orderId: string, amount: number, opts: { deliver?: boolean } = {}): Promise<StandInOrder> {
    const order = orders.get(orderId);
    if (!order) throw new Error(`no order ${orderId}`);
    order.refunded_amount = Math.min(order.product.price_amount, order.refunded_amount + amount);
    order.status = order.refunded_amount >= order.product.price_amount ? 'refunded' : 'partially_refunded';
    order.modified_at = iso();
    if (opts.deliver !== false) await deliverOrder('order.refunded', order);
    return order;
  }

  const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const readBody = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.headers.authorization !== `Bearer ${accessToken}`) return send(res, 401, { error: 'Unauthorized', detail: 'Invalid or missing access token' });
    const path = url.pathname.replace(/\/+$/, '');
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && (m = /^\/v1\/products\/([^/]+)$/.exec(path))) {
      const p = product(decodeURIComponent(m[1]!));
      return p ? send(res, 200, productJson(p, iso())) : send(res, 404, { error: 'ResourceNotFound', detail: 'Not found' });
    }
    if (req.method === 'POST' && path === '/v1/checkouts') {
      const body = JSON.parse(await readBody(req)) as { products?: string[]; success_url?: string; metadata?: Record<string, string>; external_customer_id?: string; customer_email?: string };
      const p = product(body.products?.[0] ?? '');
      if (!p) return send(res, 422, { detail: [{ loc: ['body', 'products'], msg: 'Product does not exist.', type: 'value_error' }] });
      if (body.success_url && !/^https?:\/\//.test(body.success_url)) {
        return send(res, 422, { detail: [{ loc: ['body', 'success_url'], msg: 'URL scheme should be http or https', type: 'url_scheme' }] });
      }
      const checkout: StandInCheckout = {
        id: newPolarId(),
        client_secret: `polar_c_${randomBytes(18).toString('hex')}`,
        status: 'open',
        product: p,
        success_url: body.success_url ?? `${baseUrl}/done`,
        metadata: body.metadata ?? {},
        external_customer_id: body.external_customer_id ?? null,
        customer_email: body.customer_email ?? null,
        created_at: iso(),
      };
      checkouts.set(checkout.id, checkout);
      return send(res, 201, checkoutJson(checkout, baseUrl));
    }
    if (req.method === 'GET' && (m = /^\/v1\/checkouts\/([^/]+)$/.exec(path))) {
      const c = checkouts.get(decodeURIComponent(m[1]!));
      return c ? send(res, 200, checkoutJson(c, baseUrl)) : send(res, 404, { error: 'ResourceNotFound', detail: 'Not found' });
    }
    if (req.method === 'GET' && path === '/v1/orders') {
      const after = url.searchParams.get('created_after');
      const statuses = url.searchParams.getAll('status');
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 10)));
      const all = [...orders.values()]
        .filter((o) => !after || o.created_at >= new Date(after).toISOString())
        .filter((o) => statuses.length === 0 || statuses.includes(o.status))
        .sort((a, b) => b.created_at.localeCompare(a.created_at));
      const items = all.slice((page - 1) * limit, page * limit).map(orderJson);
      return send(res, 200, { items, pagination: { total_count: all.length, max_page: Math.max(1, Math.ceil(all.length / limit)) } });
    }
    return send(res, 404, { error: 'ResourceNotFound', detail: `No stand-in route for ${req.method} ${path}` });
  }

  function checkoutPage(c: StandInCheckout): string {
    const price = `${(c.product.price_amount / 100).toFixed(2)} ${c.product.price_currency.toUpperCase()}`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SANDBOX checkout · ${escapeHtml(c.product.name)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;background:#fff8e1;color:#222;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#fff;border:3px dashed #e0a100;border-radius:14px;padding:2rem 2.5rem;max-width:28rem;text-align:center}
.badge{display:inline-block;background:#e0a100;color:#000;font-weight:800;letter-spacing:.1em;padding:.2rem .6rem;border-radius:6px}
button{font:inherit;font-weight:700;padding:.7rem 2rem;border-radius:10px;border:0;background:#1b7f3b;color:#fff;cursor:pointer}</style></head>
<body><main><span class="badge">SANDBOX</span><h1>${escapeHtml(c.product.name)}</h1><p>${escapeHtml(price)}</p>
<p>This is a local stand-in for Polar. No real payment is taken.</p>
${c.status === 'open' ? `<form method="post" action="/checkout/${escapeHtml(c.client_secret)}/pay"><button type="submit">Pay</button></form>` : '<p><strong>Paid.</strong></p>'}
</main></body></html>`;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    if (url.pathname.startsWith('/v1/')) return handleApi(req, res, url);
    const m = /^\/checkout\/([A-Za-z0-9_]+)(\/pay)?$/.exec(url.pathname);
    const checkout = m ? [...checkouts.values()].find((c) => c.client_secret === m[1]) : undefined;
    if (!checkout) return send(res, 404, 'No such sandbox checkout.', 'text/plain');
    if (req.method === 'GET' && !m![2]) return send(res, 200, checkoutPage(checkout), 'text/html; charset=utf-8');
    if (req.method === 'POST' && m![2]) {
      await pay(checkout.id);
      res.writeHead(303, { location: checkout.success_url.replace('{CHECKOUT_ID}', encodeURIComponent(checkout.id)) });
      return void res.end();
    }
    return send(res, 405, 'Method not allowed.', 'text/plain');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { error: 'stand-in failure', detail: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    name: 'Polar',
    url: baseUrl,
    env: {
      POLAR_ACCESS_TOKEN: accessToken,
      POLAR_WEBHOOK_SECRET: secret,
      PP_POLAR_API_URL: baseUrl,
      PP_CREDIT_PACKS: JSON.stringify(STAND_IN_PACKS),
    },
    secret,
    accessToken,
    checkouts,
    orders,
    deliveries,
    setWebhookTarget: (url) => {
      webhookTarget = url;
    },
    pay,
    refund,
    deliverOrder,
    deliverRaw,
    redeliver: (d) => deliverRaw(d.type, d.body, { webhookId: d.id }),
    createOrder: (opts) => createOrder(opts),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
