import { createHmac, randomUUID } from 'node:crypto';

/**
 * Polar's wire format, as far as the stand-in needs it: products, checkouts, orders and
 * Standard Webhooks signatures. Field names and nesting follow @polar-sh/sdk 1.x's models
 * (API version 2026-10), so the real SDK reads these as it reads Polar's answers.
 */
export interface StandInProduct {
  id: string;
  name: string;
  price_amount: number;
  price_currency: string;
}

export interface StandInCheckout {
  id: string;
  client_secret: string;
  status: 'open' | 'confirmed' | 'succeeded' | 'expired';
  product: StandInProduct;
  success_url: string;
  metadata: Record<string, string | number | boolean>;
  external_customer_id: string | null;
  customer_email: string | null;
  created_at: string;
}

export interface StandInOrder {
  id: string;
  checkout: StandInCheckout | null;
  product: StandInProduct;
  status: 'pending' | 'paid' | 'refunded' | 'partially_refunded';
  paid: boolean;
  billing_reason: 'purchase' | 'subscription_create' | 'subscription_cycle';
  refunded_amount: number;
  created_at: string;
  modified_at: string | null;
  external_customer_id: string | null;
  metadata: Record<string, string | number | boolean>;
}

const ORG_ID = '00000000-0000-4000-8000-00000000a11a';
const customerId = (external: string | null) => `cus_${(external ?? 'anonymous').replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;

export const productJson = (p: StandInProduct, createdAt: string) => ({
  id: p.id,
  created_at: createdAt,
  modified_at: null,
  trial_interval: null,
  trial_interval_count: null,
  name: p.name,
  description: 'Sandbox credit pack',
  visibility: 'public',
  recurring_interval: null,
  recurring_interval_count: null,
  meter_interval: null,
  meter_interval_count: null,
  is_recurring: false,
  is_archived: false,
  organization_id: ORG_ID,
  metadata: {},
  is_deletable: false,
  prices: [
    {
      created_at: createdAt,
      modified_at: null,
      id: `price_${p.id}`,
      source: 'catalog',
      amount_type: 'fixed',
      price_currency: p.price_currency,
      tax_behavior: null,
      is_archived: false,
      product_id: p.id,
      price_amount: p.price_amount,
    },
  ],
  benefits: [],
  medias: [],
  attached_custom_fields: [],
});

export const checkoutJson = (c: StandInCheckout, baseUrl: string) => ({
  id: c.id,
  created_at: c.created_at,
  modified_at: null,
  payment_processor: 'stripe',
  status: c.status,
  client_secret: c.client_secret,
  url: `${baseUrl}/checkout/${c.client_secret}`,
  expires_at: new Date(Date.parse(c.created_at) + 3600_000).toISOString(),
  success_url: c.success_url,
  return_url: null,
  embed_origin: null,
  amount: c.product.price_amount,
  discount_amount: 0,
  net_amount: c.product.price_amount,
  tax_amount: 0,
  total_amount: c.product.price_amount,
  currency: c.product.price_currency,
  organization_id: ORG_ID,
  product_id: c.product.id,
  product_price_id: `price_${c.product.id}`,
  discount_id: null,
  allow_discount_codes: true,
  require_billing_address: false,
  is_discount_applicable: true,
  is_free_product_price: false,
  is_payment_required: true,
  is_payment_setup_required: false,
  is_payment_form_required: true,
  customer_id: null,
  is_business_customer: false,
  customer_name: null,
  customer_email: c.customer_email,
  external_customer_id: c.external_customer_id,
  metadata: c.metadata,
  products: [productJson(c.product, c.created_at)],
});

export const orderJson = (o: StandInOrder) => {
  const amount = o.product.price_amount;
  return {
    id: o.id,
    created_at: o.created_at,
    modified_at: o.modified_at,
    status: o.status,
    paid: o.paid,
    subtotal_amount: amount,
    discount_amount: 0,
    net_amount: amount,
    tax_amount: 0,
    total_amount: amount,
    applied_balance_amount: 0,
    due_amount: 0,
    refunded_amount: o.refunded_amount,
    refunded_tax_amount: 0,
    currency: o.product.price_currency,
    billing_reason: o.billing_reason,
    billing_name: null,
    billing_address: null,
    invoice_number: null,
    is_invoice_generated: false,
    receipt_number: null,
    units: null,
    customer_id: customerId(o.external_customer_id),
    product_id: o.product.id,
    discount_id: null,
    subscription_id: null,
    checkout_id: o.checkout?.id ?? null,
    metadata: o.metadata,
    platform_fee_amount: 0,
    platform_fee_currency: null,
    customer: {
      id: customerId(o.external_customer_id),
      created_at: o.created_at,
      modified_at: null,
      metadata: {},
      external_id: o.external_customer_id,
      email: o.checkout?.customer_email ?? null,
      email_verified: false,
      type: 'individual',
      name: null,
      billing_name: null,
      billing_address: null,
      tax_id: null,
      organization_id: ORG_ID,
      deleted_at: null,
      first_user_event_at: null,
      avatar_url: null,
    },
    product: productJson(o.product, o.created_at),
    discount: null,
    subscription: null,
    items: [{ created_at: o.created_at, modified_at: null, id: `item_${o.id}`, label: o.product.name, amount, tax_amount: 0, proration: false, product_price_id: `price_${o.product.id}` }],
    description: o.product.name,
    refundable_amount: amount - o.refunded_amount,
    refundable_tax_amount: 0,
  };
};

export const newPolarId = () => randomUUID();

/**
 * A Standard Webhooks delivery signed exactly as Polar signs: HMAC-SHA256 over
 * "id.timestamp.body", keyed with the UTF-8 bytes of the whole `whsec_…` string.
 */
export function signWebhook(secret: string, id: string, timestampS: number, body: string): Record<string, string> {
  const signature = createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${id}.${timestampS}.${body}`).digest('base64');
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(timestampS),
    'webhook-signature': `v1,${signature}`,
  };
}
