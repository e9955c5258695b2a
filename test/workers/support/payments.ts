import { env } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import Stripe from "stripe";
import { expect } from "vitest";
import { createDb } from "../../../worker/platform/db/client.ts";
import type { Logger } from "../../../worker/platform/logger.ts";
import { webhookEvents } from "../../../worker/payments/payments.schema.ts";
import { call } from "./http.ts";
import type { Session } from "./session.ts";

const testEnv = env as unknown as Record<string, string>;
export const STRIPE_WEBHOOK_SECRET = testEnv.STRIPE_WEBHOOK_SECRET ?? "";
export const COINBASE_WEBHOOK_SECRET = testEnv.COINBASE_WEBHOOK_SECRET ?? "";

/** Env that switches Stripe to live mode against stripe-mock. */
export const liveStripe = (): Record<string, string> => ({
  STRIPE_SECRET_KEY: "sk_test_tollgate",
  STRIPE_API_BASE: testEnv.TEST_STRIPE_MOCK_URL ?? "",
});
export const hasStripeMock = () => !!testEnv.TEST_STRIPE_MOCK_URL;
/** Env that switches Coinbase to live mode against the fake Coinbase Business API. */
export const liveCoinbase = (): Record<string, string> => ({
  COINBASE_API_KEY: testEnv.TEST_COINBASE_API_KEY ?? "",
  COINBASE_API_BASE: testEnv.TEST_COINBASE_API_URL ?? "",
});

export interface PriceDto {
  id: string;
  productCode: string;
  credits: number;
  amountCents: number;
  currency: string;
}

export async function firstPrice(): Promise<PriceDto> {
  const res = await call<{ prices: PriceDto[] }>("/api/prices");
  const price = res.body.prices.find((p) => p.productCode === "credits_500");
  if (!price) throw new Error("seeded price credits_500 missing");
  return price;
}

export async function balanceOf(session: Session): Promise<string> {
  const res = await session.call<{ balance: string }>("/api/wallet/balance");
  expect(res.status).toBe(200);
  return res.body.balance;
}

export async function startCheckout(
  session: Session,
  provider: "stripe" | "coinbase" = "stripe",
  envOverrides?: Record<string, string>,
): Promise<{ paymentId: string; sessionId: string; checkoutUrl: string }> {
  const price = await firstPrice();
  const res = await session.call<{ paymentId: string; sessionId: string; checkoutUrl: string }>(
    "/api/payments/checkout",
    {
      method: "POST",
      body: { priceId: price.id, provider },
      ...(envOverrides ? { envOverrides } : {}),
    },
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

let eventCounter = 0;
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_test_${Date.now()}_${eventCounter++}`,
): string {
  return JSON.stringify({ id, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object } });
}

export function sessionObject(p: { paymentId: string; sessionId: string }, overrides: Record<string, unknown> = {}) {
  return {
    id: p.sessionId,
    object: "checkout.session",
    payment_status: "paid",
    amount_total: 899,
    currency: "usd",
    client_reference_id: p.paymentId,
    payment_intent: `pi_test_${p.paymentId.slice(0, 8)}`,
    metadata: { paymentId: p.paymentId },
    ...overrides,
  };
}

export function chargeObject(
  p: { paymentId: string },
  amountRefunded: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    id: `ch_test_${p.paymentId.slice(0, 8)}`,
    object: "charge",
    amount: 899,
    amount_refunded: amountRefunded,
    currency: "usd",
    payment_intent: `pi_test_${p.paymentId.slice(0, 8)}`,
    metadata: { paymentId: p.paymentId },
    ...overrides,
  };
}

export async function signStripe(
  payload: string,
  options: { secret?: string; timestamp?: number } = {},
): Promise<string> {
  return Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? STRIPE_WEBHOOK_SECRET,
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
  });
}

/** A Stripe dispute about the charge of a test checkout (found by its PaymentIntent). */
export function disputeObject(p: { paymentId: string }, status: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `dp_test_${p.paymentId.slice(0, 8)}`,
    object: "dispute",
    amount: 899,
    currency: "usd",
    charge: `ch_test_${p.paymentId.slice(0, 8)}`,
    payment_intent: `pi_test_${p.paymentId.slice(0, 8)}`,
    status,
    ...overrides,
  };
}

/**
 * A direct database handle for what the API has no door for (webhook_event rows, row locks,
 * failure triggers): as the owner, since the Worker's app role may not create triggers.
 */
export function paymentsDb() {
  const bindings = env as unknown as { TEST_OWNER_DATABASE_URL: string; NEON_WS_PROXY: string };
  return createDb({ url: bindings.TEST_OWNER_DATABASE_URL, wsProxy: bindings.NEON_WS_PROXY, max: 2 });
}

export async function webhookEventRow(eventId: string) {
  const { db, close } = paymentsDb();
  try {
    const [row] = await db
      .select()
      .from(webhookEvents)
      .where(and(eq(webhookEvents.provider, "stripe"), eq(webhookEvents.eventId, eventId)));
    return row;
  } finally {
    await close();
  }
}

/** A Logger that keeps its lines, to assert on alerts. */
export function recordingLogger(): Logger & { lines: { level: string; msg: string; fields?: unknown }[] } {
  const lines: { level: string; msg: string; fields?: unknown }[] = [];
  const logger = {
    lines,
    debug: (msg: string, fields?: Record<string, unknown>) => lines.push({ level: "debug", msg, fields }),
    info: (msg: string, fields?: Record<string, unknown>) => lines.push({ level: "info", msg, fields }),
    warn: (msg: string, fields?: Record<string, unknown>) => lines.push({ level: "warn", msg, fields }),
    error: (msg: string, fields?: Record<string, unknown>) => lines.push({ level: "error", msg, fields }),
    child: () => logger,
  };
  return logger;
}

export async function postStripe(payload: string, signature?: string) {
  return call<{ received?: boolean; outcome?: string; error?: { code: string } }>("/api/webhooks/stripe", {
    method: "POST",
    rawBody: payload,
    headers: signature === undefined ? {} : { "stripe-signature": signature },
  });
}

export async function deliverStripe(type: string, object: Record<string, unknown>, id?: string) {
  const payload = stripeEvent(type, object, id);
  return postStripe(payload, await signStripe(payload));
}
