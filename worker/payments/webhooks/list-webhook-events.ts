import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client.ts";
import { webhookEvents, type WebhookEventStatus } from "../payments.schema.ts";

/** The newest 100 provider events, optionally of one status: the admin's failed-webhook list. */
export async function listWebhookEvents(db: DbOrTx, input: { status?: WebhookEventStatus | undefined }) {
  return db
    .select({
      id: webhookEvents.id,
      provider: webhookEvents.provider,
      eventId: webhookEvents.eventId,
      type: webhookEvents.type,
      status: webhookEvents.status,
      attempts: webhookEvents.attempts,
      nextAttemptAt: webhookEvents.nextAttemptAt,
      error: webhookEvents.error,
      receivedAt: webhookEvents.receivedAt,
    })
    .from(webhookEvents)
    .where(input.status ? eq(webhookEvents.status, input.status) : undefined)
    .orderBy(desc(webhookEvents.receivedAt))
    .limit(100);
}
