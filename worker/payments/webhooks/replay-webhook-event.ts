import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { notFound } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { replayCoinbaseEvent } from "../coinbase/coinbase-webhook.ts";
import { webhookEvents } from "../payments.schema.ts";
import { replayStripeEvent } from "../stripe/stripe-webhook.ts";
import { runHandler, type WebhookOutcome } from "./record-webhook-event.ts";

/** Runs a stored event's handler again (admin replay); processed or ignored events are left alone. */
export async function replayWebhookEvent(
  db: Db,
  input: { id: string },
  deps: { logger: Logger },
): Promise<WebhookOutcome> {
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, input.id));
  if (!event) throw notFound("Webhook event");
  if (event.status === "PROCESSED" || event.status === "IGNORED") return "duplicate";
  const replay =
    event.provider === "stripe"
      ? () => replayStripeEvent(db, event.payload)
      : () => replayCoinbaseEvent(db, event.payload);
  return runHandler(db, input.id, replay, deps.logger, {
    provider: event.provider,
    eventId: event.eventId,
    replay: true,
  });
}
