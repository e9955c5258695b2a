import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { webhookEvents } from "../payments.schema.ts";
import type { Logger } from "../../platform/logger.ts";

import type { WEBHOOK_OUTCOMES } from "../../../contracts/payments.ts";

export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];

/** A delivery still RECEIVED after this long is taken as abandoned and run again. */
const STALE_MS = 60_000;

/**
 * Records a verified event by (provider, event id) before acting on it, then runs the handler.
 * Replays of a processed event change nothing; a failed event stays FAILED with its error and
 * payload, to be replayed by the next delivery or by an admin. Handler errors are logged and
 * reported as "failed", never thrown: the provider gets a 200 and no retry storm.
 */
export async function processWebhookEvent(
  db: Db,
  event: { provider: string; eventId: string; type: string; payload: unknown; allowed: boolean },
  handle: () => Promise<void>,
  logger: Logger,
): Promise<WebhookOutcome> {
  const [inserted] = await db
    .insert(webhookEvents)
    .values({
      provider: event.provider,
      eventId: event.eventId,
      type: event.type,
      payload: event.payload,
      status: event.allowed ? "RECEIVED" : "IGNORED",
    })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  if (!event.allowed) return inserted ? "ignored" : "duplicate";
  let id = inserted?.id;
  if (!id) {
    // Claim an existing event for a retry only if it failed or was abandoned.
    const [claimed] = await db
      .update(webhookEvents)
      .set({ status: "RECEIVED", receivedAt: new Date() })
      .where(
        and(
          eq(webhookEvents.provider, event.provider),
          eq(webhookEvents.eventId, event.eventId),
          sql`(${webhookEvents.status} = 'FAILED' or (${webhookEvents.status} = 'RECEIVED' and ${webhookEvents.receivedAt} < now() - make_interval(secs => ${STALE_MS / 1000})))`,
        ),
      )
      .returning({ id: webhookEvents.id });
    if (!claimed) {
      const [existing] = await db
        .select({ status: webhookEvents.status })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.provider, event.provider), eq(webhookEvents.eventId, event.eventId)));
      return existing?.status === "RECEIVED" ? "in_progress" : "duplicate";
    }
    id = claimed.id;
  }
  return runHandler(db, id, handle, logger, { provider: event.provider, eventId: event.eventId, type: event.type });
}

export async function runHandler(
  db: Db,
  id: string,
  handle: () => Promise<void>,
  logger: Logger,
  fields: Record<string, unknown>,
): Promise<WebhookOutcome> {
  try {
    await handle();
    await db
      .update(webhookEvents)
      .set({ status: "PROCESSED", processedAt: new Date(), error: null, attempts: sql`${webhookEvents.attempts} + 1` })
      .where(eq(webhookEvents.id, id));
    return "processed";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.error("webhook handling failed", { ...fields, error });
    await db
      .update(webhookEvents)
      .set({ status: "FAILED", error: message.slice(0, 2000), attempts: sql`${webhookEvents.attempts} + 1` })
      .where(eq(webhookEvents.id, id));
    return "failed";
  }
}
