import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { processWebhookEvent, type WebhookOutcome } from "../webhooks/record-webhook-event.ts";
import { handleStripeEvent } from "./handle-stripe-event.ts";
import { stripeCrypto, webhookVerifier } from "./stripe-client.ts";
import { isAllowedStripeEvent, stripeEventSchema } from "./stripe-events.ts";

/**
 * POST /api/webhooks/stripe: the signature is checked on the raw body before anything else
 * (Stripe's default 300 s tolerance); a bad or missing one is a 400 and nothing is written.
 */
export async function receiveStripeWebhook(
  db: Db,
  input: { rawBody: string; signature: string | undefined },
  deps: { logger: Logger; webhookSecret: string },
): Promise<{ eventId: string; type: string; outcome: WebhookOutcome }> {
  const { rawBody, signature } = input;
  if (!signature) throw new AppError("INVALID_SIGNATURE", 400, "Missing Stripe-Signature header");
  let verified: unknown;
  try {
    verified = await webhookVerifier().webhooks.constructEventAsync(
      rawBody,
      signature,
      deps.webhookSecret,
      undefined,
      stripeCrypto,
    );
  } catch (error) {
    if (error instanceof SyntaxError) throw new AppError("MALFORMED_JSON", 400, "The webhook body is not valid JSON");
    deps.logger.warn("stripe webhook signature rejected", {
      error: error instanceof Error ? error.message : String(error),
    });
    throw new AppError("INVALID_SIGNATURE", 400, "Webhook signature verification failed");
  }
  const parsed = stripeEventSchema.safeParse(verified);
  if (!parsed.success) throw new AppError("INVALID_EVENT", 400, "Not a Stripe event");
  const event = parsed.data;
  const allowed = isAllowedStripeEvent(event.type);
  const outcome = await processWebhookEvent(
    db,
    { provider: "stripe", eventId: event.id, type: event.type, payload: verified, allowed },
    () =>
      isAllowedStripeEvent(event.type) ? handleStripeEvent(db, { ...event, type: event.type }) : Promise.resolve(),
    deps.logger,
  );
  return { eventId: event.id, type: event.type, outcome };
}

/** Runs a stored event again (admin replay of a FAILED event). */
export function replayStripeEvent(db: Db, payload: unknown): Promise<void> {
  const event = stripeEventSchema.parse(payload);
  if (!isAllowedStripeEvent(event.type)) return Promise.resolve();
  return handleStripeEvent(db, { ...event, type: event.type });
}
