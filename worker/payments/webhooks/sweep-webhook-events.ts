import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import type { Logger } from "../../platform/logger.ts";
import { webhookEvents } from "../payments.schema.ts";
import { claimableEvent, MAX_WEBHOOK_ATTEMPTS, runHandler, STALE_MS } from "./record-webhook-event.ts";
import { storedEventHandler } from "./replay-webhook-event.ts";

export interface WebhookSweep {
  processed: number;
  /** Failed again, transiently: due again later. */
  retrying: number;
  /** Failed for good: permanent errors and events that used their last attempt. */
  failed: number;
  /** Ids of the events that ran out of attempts in this sweep (each logged as an alert). */
  exhausted: string[];
}

const stale = sql`${webhookEvents.claimedAt} < now() - make_interval(secs => ${STALE_MS / 1000})`;

/**
 * The retry sweeper (Cron, every minute): runs again every transient failure whose next
 * attempt is due and every run abandoned mid-way (RECEIVED, claimed over STALE_MS ago), up to
 * `limit` events oldest first, each claimed with SKIP LOCKED so overlapping sweeps and
 * deliveries never run one event twice at once. An abandoned run that already used its
 * MAX_WEBHOOK_ATTEMPTS is not started again: it is stored FAILED and logged as an alert.
 */
export async function sweepWebhookEvents(
  db: Db,
  input: { limit?: number },
  deps: { logger: Logger },
): Promise<WebhookSweep> {
  const sweep: WebhookSweep = { processed: 0, retrying: 0, failed: 0, exhausted: [] };
  const abandoned = await db
    .update(webhookEvents)
    .set({ status: "FAILED", nextAttemptAt: null, error: sql`coalesce(${webhookEvents.error}, 'abandoned mid-run')` })
    .where(and(eq(webhookEvents.status, "RECEIVED"), stale, gte(webhookEvents.attempts, MAX_WEBHOOK_ATTEMPTS)))
    .returning({ id: webhookEvents.id, provider: webhookEvents.provider, eventId: webhookEvents.eventId });
  for (const e of abandoned) {
    deps.logger.error("webhook exhausted retries", { ...e, attempts: MAX_WEBHOOK_ATTEMPTS, abandoned: true });
    sweep.exhausted.push(e.id);
    sweep.failed++;
  }

  const due = db
    .select({ id: webhookEvents.id })
    .from(webhookEvents)
    .where(
      and(
        claimableEvent,
        or(
          and(eq(webhookEvents.status, "FAILED"), lte(webhookEvents.nextAttemptAt, sql`now()`)),
          eq(webhookEvents.status, "RECEIVED"),
        ),
      ),
    )
    .orderBy(asc(sql`coalesce(${webhookEvents.nextAttemptAt}, ${webhookEvents.claimedAt})`))
    .limit(input.limit ?? 50)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(webhookEvents)
    .set({
      status: "RECEIVED",
      claimedAt: sql`now()`,
      attempts: sql`${webhookEvents.attempts} + 1`,
      nextAttemptAt: null,
    })
    .where(inArray(webhookEvents.id, due))
    .returning();

  // One at a time: a sweep is background work and must not crowd out requests.
  for (const event of claimed) {
    const fields = { provider: event.provider, eventId: event.eventId, type: event.type, sweep: true };
    try {
      const result = await runHandler(db, event, storedEventHandler(db, event), deps.logger, fields);
      if (result === "processed") sweep.processed++;
      else if (result === "retry") sweep.retrying++;
      else {
        sweep.failed++;
        if (event.attempts >= MAX_WEBHOOK_ATTEMPTS) sweep.exhausted.push(event.id);
      }
    } catch (error) {
      // Storing the outcome failed (database gone): the claim goes stale and a later sweep retries.
      deps.logger.error("webhook sweep run failed", { ...fields, error });
      sweep.retrying++;
    }
  }
  return sweep;
}
