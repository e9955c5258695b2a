import { and, eq, sql } from "drizzle-orm";
import type { WEBHOOK_OUTCOMES } from "../../../contracts/payments.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import type { Logger } from "../../platform/logger.ts";
import { webhookEvents } from "../payments.schema.ts";

export type WebhookOutcome = (typeof WEBHOOK_OUTCOMES)[number];
/** How one run of a handler ended: "retry" = transient failure, the event is due again later. */
export type RunResult = "processed" | "failed" | "retry";

/** Runs of one event (deliveries, sweeps, replays) before the sweeper gives up on it. */
export const MAX_WEBHOOK_ATTEMPTS = 8;
/** A run still RECEIVED this long after it claimed the event is taken as abandoned. */
export const STALE_MS = 5 * 60_000;

/** Wait after the n-th failed run: 1, 2, 4, … minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60_000);
}

/**
 * Permanent failures are our own 4xx AppErrors: the event contradicts what we know (amount or
 * currency mismatch, unknown payment) and no retry can change that. Everything else (database
 * unreachable, lock timeout 55P03, deadlock 40P01, serialization failure 40001, a bug, a payload
 * shape we cannot parse yet) may pass on a later run.
 */
export function isPermanentFailure(error: unknown): boolean {
  return error instanceof AppError && error.status < 500;
}

/** FAILED (whatever the cause: a redelivery may always try again) or abandoned mid-run. */
export const claimableEvent = sql`(${webhookEvents.status} = 'FAILED' or (${webhookEvents.status} = 'RECEIVED' and ${webhookEvents.claimedAt} < now() - make_interval(secs => ${STALE_MS / 1000})))`;

/**
 * Records a verified event by (provider, event id) before acting on it, then runs the handler.
 * Replays of a processed event change nothing. Only a permanent failure is acknowledged (2xx,
 * stored FAILED for an admin); a transient one throws 503 WEBHOOK_RETRY and a delivery racing
 * one still running throws 409 WEBHOOK_IN_PROGRESS, so the provider delivers again. The
 * retry sweeper (sweep-webhook-events.ts) retries transient failures and abandoned runs too.
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
      attempts: event.allowed ? 1 : 0,
    })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id, attempts: webhookEvents.attempts });
  if (!event.allowed) return inserted ? "ignored" : "duplicate";
  let claim = inserted;
  if (!claim) {
    [claim] = await claimWebhookEvent(
      db,
      and(eq(webhookEvents.provider, event.provider), eq(webhookEvents.eventId, event.eventId)),
    );
    if (!claim) {
      const [existing] = await db
        .select({ status: webhookEvents.status })
        .from(webhookEvents)
        .where(and(eq(webhookEvents.provider, event.provider), eq(webhookEvents.eventId, event.eventId)));
      if (existing?.status === "RECEIVED") {
        throw new AppError("WEBHOOK_IN_PROGRESS", 409, "This event is being processed by another delivery");
      }
      return "duplicate";
    }
  }
  const result = await runHandler(db, claim, handle, logger, {
    provider: event.provider,
    eventId: event.eventId,
    type: event.type,
  });
  if (result === "retry") {
    throw new AppError("WEBHOOK_RETRY", 503, "The event could not be processed now; deliver it again later");
  }
  return result;
}

/** Takes a claimable event for one run: RECEIVED again, one more attempt, no next attempt. */
export function claimWebhookEvent(db: Db, where: ReturnType<typeof and>) {
  return db
    .update(webhookEvents)
    .set({
      status: "RECEIVED",
      claimedAt: sql`now()`,
      attempts: sql`${webhookEvents.attempts} + 1`,
      nextAttemptAt: null,
    })
    .where(and(where, claimableEvent))
    .returning({ id: webhookEvents.id, attempts: webhookEvents.attempts });
}

/**
 * Runs a claimed event's handler and stores the result. A failure is logged and stored FAILED
 * with its error; a transient one also gets its next attempt time, unless it has used all
 * MAX_WEBHOOK_ATTEMPTS, which is logged as an alert. Never throws for the handler's error.
 */
export async function runHandler(
  db: Db,
  claim: { id: string; attempts: number },
  handle: () => Promise<void>,
  logger: Logger,
  fields: Record<string, unknown>,
): Promise<RunResult> {
  try {
    await handle();
  } catch (error) {
    return recordFailure(db, claim, error, logger, fields);
  }
  await db
    .update(webhookEvents)
    .set({ status: "PROCESSED", processedAt: new Date(), error: null, nextAttemptAt: null })
    .where(eq(webhookEvents.id, claim.id));
  return "processed";
}

async function recordFailure(
  db: Db,
  claim: { id: string; attempts: number },
  error: unknown,
  logger: Logger,
  fields: Record<string, unknown>,
): Promise<RunResult> {
  const permanent = isPermanentFailure(error);
  const exhausted = !permanent && claim.attempts >= MAX_WEBHOOK_ATTEMPTS;
  const logFields = { ...fields, attempts: claim.attempts, permanent, error };
  if (exhausted) logger.error("webhook exhausted retries", logFields);
  else if (permanent) logger.error("webhook handling failed", logFields);
  else logger.warn("webhook handling failed, will retry", logFields);
  const message = error instanceof Error ? error.message : String(error);
  const delaySecs = retryDelayMs(claim.attempts) / 1000;
  try {
    await db
      .update(webhookEvents)
      .set({
        status: "FAILED",
        error: message.slice(0, 2000),
        nextAttemptAt: permanent || exhausted ? null : sql`now() + make_interval(secs => ${delaySecs})`,
      })
      .where(eq(webhookEvents.id, claim.id));
  } catch (recordError) {
    // The event stays RECEIVED: the sweeper takes it up again once the claim is stale.
    logger.error("webhook failure not recorded", { ...fields, error: recordError });
  }
  return permanent || exhausted ? "failed" : "retry";
}
