import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { applyRefund, completePayment, failPayment } from "../book-payment.ts";
import { findPaymentForProvider } from "../find-payment.ts";
import { processWebhookEvent, type WebhookOutcome } from "../webhooks/record-webhook-event.ts";
import {
  type CoinbaseEvent,
  type CoinbaseEventType,
  coinbaseEventSchema,
  decimalToCents,
  isAllowedCoinbaseEvent,
} from "./coinbase-events.ts";
import { SIGNATURE_HEADER, verifyCoinbaseSignature } from "./coinbase-signature.ts";

async function paymentFor(db: Db, event: CoinbaseEvent) {
  return findPaymentForProvider(db, {
    provider: "COINBASE",
    paymentId: event.data.metadata?.paymentId,
    providerRef: event.data.id,
  });
}

/** One handler per allowed event type. */
export async function handleCoinbaseEvent(
  db: Db,
  event: CoinbaseEvent & { eventType: CoinbaseEventType },
): Promise<void> {
  const payment = await paymentFor(db, event);
  switch (event.eventType) {
    case "checkout.payment.success":
      await completePayment(db, {
        paymentId: payment.id,
        amountCents: decimalToCents(event.data.amount ?? "-1"),
        // Checkouts settle in USDC at par with our USD prices.
        currency: event.data.currency === "USDC" ? "usd" : (event.data.currency ?? ""),
        details: { coinbaseCheckoutId: event.data.id },
      });
      return;
    case "checkout.payment.failed":
      await failPayment(db, { paymentId: payment.id, reason: "crypto payment failed" });
      return;
    case "checkout.payment.expired":
      await failPayment(db, { paymentId: payment.id, reason: "crypto checkout expired" });
      return;
    case "checkout.refund.success":
      await applyRefund(db, {
        paymentId: payment.id,
        refundedCentsTotal: event.data.refundedAmount ? decimalToCents(event.data.refundedAmount) : payment.amountCents,
        details: { coinbaseCheckoutId: event.data.id },
      });
      return;
  }
}

/** POST /api/webhooks/coinbase: signature on the raw body first, then record and dispatch. */
export async function receiveCoinbaseWebhook(
  db: Db,
  input: { rawBody: string; header: (name: string) => string | undefined },
  deps: { logger: Logger; webhookSecret: string },
): Promise<{ eventId: string; type: string; outcome: WebhookOutcome }> {
  const { rawBody, header } = input;
  const check = await verifyCoinbaseSignature({
    rawBody,
    header: header(SIGNATURE_HEADER),
    headers: header,
    secret: deps.webhookSecret,
  });
  if (!check.ok) {
    deps.logger.warn("coinbase webhook signature rejected", { reason: check.reason });
    throw new AppError("INVALID_SIGNATURE", 400, `Webhook signature verification failed (${check.reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("MALFORMED_JSON", 400, "The webhook body is not valid JSON");
  }
  const parsed = coinbaseEventSchema.safeParse(json);
  if (!parsed.success) throw new AppError("INVALID_EVENT", 400, "Not a Coinbase checkout event");
  const event = parsed.data;
  const eventId = header("x-hook0-id") ?? event.id ?? `${event.eventType}:${event.data.id}:${event.data.status ?? ""}`;
  const outcome = await processWebhookEvent(
    db,
    {
      provider: "coinbase",
      eventId,
      type: event.eventType,
      payload: json,
      allowed: isAllowedCoinbaseEvent(event.eventType),
    },
    () =>
      isAllowedCoinbaseEvent(event.eventType)
        ? handleCoinbaseEvent(db, { ...event, eventType: event.eventType })
        : Promise.resolve(),
    deps.logger,
  );
  return { eventId, type: event.eventType, outcome };
}

export function replayCoinbaseEvent(db: Db, payload: unknown): Promise<void> {
  const event = coinbaseEventSchema.parse(payload);
  if (!isAllowedCoinbaseEvent(event.eventType)) return Promise.resolve();
  return handleCoinbaseEvent(db, { ...event, eventType: event.eventType });
}
