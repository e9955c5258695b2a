import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import type { EmailSender } from "../platform/email/email-sender.ts";
import type { Logger } from "../platform/logger.ts";
import { findUserContacts } from "../users/index.ts";
import { digestEmail, type EmailItem, type EmailLinks, notificationEmail } from "./notification-emails.ts";
import { notificationPreferences, notifications } from "./notifications.schema.ts";
import type { UnsubscribeScope } from "./unsubscribe-token.ts";

export interface EmailDeps {
  email: EmailSender;
  /** Links for one recipient, with signed unsubscribe links for the scopes the email shows. */
  links: (userId: string, scopes: readonly UnsubscribeScope[]) => Promise<EmailLinks>;
  logger?: Logger;
}

const frequencyOf = (userId: SQL | typeof notifications.userId) =>
  sql`coalesce((select ${notificationPreferences.emailFrequency} from ${notificationPreferences} where ${notificationPreferences.userId} = ${userId}), 'instant')`;

interface Claimed extends EmailItem {
  id: string;
  userId: string;
  to: string;
}

/**
 * Sends the instant emails still owed: the given notifications (right after a trigger booked
 * them) or, without ids, any from the last day (the per-minute sweep). A row is claimed
 * (email_pending → false) before its email goes out, so a trigger and the sweep never both send
 * it; a failed send puts the claim back for the next sweep.
 */
export async function deliverNotificationEmails(
  db: DbOrTx,
  input: { ids?: readonly string[]; limit?: number },
  deps: EmailDeps,
): Promise<{ sent: number; failed: number }> {
  if (input.ids && input.ids.length === 0) return { sent: 0, failed: 0 };
  const scope = input.ids
    ? inArray(notifications.id, [...input.ids])
    : sql`${notifications.createdAt} > now() - interval '1 day'`;
  const claimed = await claim(
    db,
    and(scope, sql`${frequencyOf(notifications.userId)} = 'instant'`),
    input.limit ?? 500,
  );
  let sent = 0;
  const failed: string[] = [];
  for (const item of claimed) {
    try {
      await deps.email.send(notificationEmail(item.to, item, await deps.links(item.userId, [item.type])));
      sent += 1;
    } catch (error) {
      deps.logger?.error("notification email failed", { notificationId: item.id, error });
      failed.push(item.id);
    }
  }
  await unclaim(db, failed);
  return { sent, failed: failed.length };
}

/**
 * The daily digest: for each user who chose it, every notification still owed an email, in one
 * message. Run by the daily Cron Trigger; a second run the same day finds nothing left to send.
 */
export async function sendDailyDigests(
  db: DbOrTx,
  input: { maxUsers?: number },
  deps: EmailDeps,
): Promise<{ digests: number; items: number }> {
  const due = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.emailPending, true), sql`${frequencyOf(notifications.userId)} = 'daily'`))
    .limit(input.maxUsers ?? 1000);
  let digests = 0;
  let items = 0;
  for (const { userId } of due) {
    const claimed = await claim(
      db,
      and(eq(notifications.userId, userId), sql`${frequencyOf(notifications.userId)} = 'daily'`),
      1000,
    );
    const first = claimed[0];
    if (!first) continue;
    try {
      await deps.email.send(digestEmail(first.to, claimed, await deps.links(userId, ["ALL"])));
      await db
        .update(notificationPreferences)
        .set({ digestSentAt: new Date() })
        .where(eq(notificationPreferences.userId, userId));
      digests += 1;
      items += claimed.length;
    } catch (error) {
      deps.logger?.error("digest email failed", { userId, error });
      await unclaim(
        db,
        claimed.map((c) => c.id),
      );
    }
  }
  return { digests, items };
}

async function claim(db: DbOrTx, where: SQL | undefined, limit: number): Promise<Claimed[]> {
  const pick = db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.emailPending, true), where))
    .orderBy(notifications.createdAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  const rows = await db
    .update(notifications)
    .set({ emailPending: false, emailedAt: new Date() })
    .where(and(inArray(notifications.id, pick), eq(notifications.emailPending, true)))
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      type: notifications.type,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
    });
  const contacts = await findUserContacts(
    db,
    rows.map((r) => r.userId),
  );
  return rows
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .flatMap((r) => {
      const to = contacts.get(r.userId)?.email;
      return to ? [{ ...r, to }] : [];
    });
}

async function unclaim(db: DbOrTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notifications)
    .set({ emailPending: true, emailedAt: null })
    .where(inArray(notifications.id, [...ids]));
}
