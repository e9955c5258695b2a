import { sql } from "drizzle-orm";
import type { NewNotificationInput } from "../notifications/index.ts";
import { createNotifications } from "../notifications/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import type { EmailSender } from "../platform/email/email-sender.ts";
import { newReportEmail } from "../platform/email/templates.ts";
import { listActiveUsersWithRoles } from "../users/index.ts";
import { reportAlerts } from "./moderation.schema.ts";

/** At most one email per reported target per this long, however many reports come in. */
export const REPORT_EMAIL_INTERVAL_MS = 60 * 60 * 1000;

/** Tells every moderator and admin in-app (every call). */
export async function notifyModerators(
  db: DbOrTx,
  message: Omit<NewNotificationInput, "userId" | "type">,
): Promise<number> {
  const staff = await listActiveUsersWithRoles(db, ["MODERATOR", "ADMIN"]);
  return createNotifications(
    db,
    staff.map((s) => ({ ...message, userId: s.userId, type: "MODERATION" as const })),
  );
}

/**
 * A new report: moderators are told in-app, and by email unless they were emailed about the same
 * target within the hour. The throttle is one conditional upsert, so two reports at once send one.
 */
export async function notifyModeratorsOfReport(
  db: DbOrTx,
  report: { id: string; targetType: "USER" | "STREAM" | "MESSAGE"; targetId: string; reason: string },
  deps: { email: EmailSender; appUrl: string; now?: Date },
): Promise<{ notified: number; emailed: number }> {
  const now = deps.now ?? new Date();
  const link = `/admin/moderation/${report.id}`;
  const what = report.targetType.toLowerCase();
  const notified = await notifyModerators(db, {
    title: `New report: ${what}`,
    body: `A ${what} was reported for ${report.reason.toLowerCase()}.`,
    link,
  });
  const cutoff = new Date(now.getTime() - REPORT_EMAIL_INTERVAL_MS);
  const won = await db
    .insert(reportAlerts)
    .values({ targetType: report.targetType, targetId: report.targetId, emailedAt: now })
    .onConflictDoUpdate({
      target: [reportAlerts.targetType, reportAlerts.targetId],
      set: { emailedAt: now },
      setWhere: sql`${reportAlerts.emailedAt} <= ${cutoff.toISOString()}::timestamptz`,
    })
    .returning({ targetId: reportAlerts.targetId });
  if (won.length === 0) return { notified, emailed: 0 };
  const staff = await listActiveUsersWithRoles(db, ["MODERATOR", "ADMIN"]);
  const url = `${deps.appUrl}${link}`;
  for (const member of staff) {
    await deps.email.send(newReportEmail(member.email, { targetType: what, reason: report.reason, url }));
  }
  return { notified, emailed: staff.length };
}
