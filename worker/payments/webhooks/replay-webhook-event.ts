import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { replayCoinbaseEvent } from "../coinbase/coinbase-webhook.ts";
import { type WebhookEvent, webhookEvents } from "../payments.schema.ts";
import { replayStripeEvent } from "../stripe/stripe-webhook.ts";
import { claimWebhookEvent, runHandler, type WebhookOutcome } from "./record-webhook-event.ts";

/** The handler of a stored event, run from its stored payload (admin replay, retry sweeper). */
export function storedEventHandler(db: Db, event: Pick<WebhookEvent, "provider" | "payload">): () => Promise<void> {
  return event.provider === "stripe"
    ? () => replayStripeEvent(db, event.payload)
    : () => replayCoinbaseEvent(db, event.payload);
}

/**
 * Runs a stored FAILED (or abandoned) event's handler again (admin replay); processed or
 * ignored events are left alone, one being handled right now is a 409.
 */
export async function replayWebhookEvent(
  db: Db,
  input: { id: string },
  deps: { logger: Logger },
): Promise<WebhookOutcome> {
  const [event] = await db.select().from(webhookEvents).where(eq(webhookEvents.id, input.id));
  if (!event) throw notFound("Webhook event");
  if (event.status === "PROCESSED" || event.status === "IGNORED") return "duplicate";
  const [claim] = await claimWebhookEvent(db, eq(webhookEvents.id, input.id));
  if (!claim) throw new AppError("WEBHOOK_IN_PROGRESS", 409, "This event is being processed right now");
  const result = await runHandler(db, claim, storedEventHandler(db, event), deps.logger, {
    provider: event.provider,
    eventId: event.eventId,
    replay: true,
  });
  // A transient failure is scheduled for the sweeper; to the admin it failed this time.
  return result === "retry" ? "failed" : result;
}
