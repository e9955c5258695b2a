import type { Db } from "../platform/db/client.ts";
import type { AppConfig } from "../platform/env.ts";
import { createLogger } from "../platform/logger.ts";
import { deliverNotificationEmails, sendDailyDigests } from "./deliver-notification-emails.ts";
import { emailDepsFor } from "./notify-consumer.ts";
import type { TokenKeys } from "./unsubscribe-token.ts";

/**
 * The Cron side of notification emails: every minute, instant emails a trigger booked but did
 * not send (it had no sender, or the send failed); once a day, the digests.
 */
export async function runNotificationJobs(
  db: Db,
  config: AppConfig,
  input: { digests?: boolean },
  keys: TokenKeys,
): Promise<void> {
  const logger = createLogger({ job: input.digests ? "notification-digests" : "notification-emails" });
  const deps = emailDepsFor(db, config, logger, keys);
  if (!deps) return;
  if (input.digests) {
    const report = await sendDailyDigests(db, {}, deps);
    if (report.digests > 0) logger.info("digests sent", { ...report });
    return;
  }
  const report = await deliverNotificationEmails(db, {}, deps);
  if (report.sent + report.failed > 0) logger.info("notification emails", { ...report });
}
