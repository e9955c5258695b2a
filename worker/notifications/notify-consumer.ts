import type { Db } from "../platform/db/client.ts";
import { createEmailSender } from "../platform/email/email-sender.ts";
import type { AppConfig } from "../platform/env.ts";
import type { Logger } from "../platform/logger.ts";
import { deliverNotificationEmails, type EmailDeps } from "./deliver-notification-emails.ts";
import { emailLinksFor } from "./email-links.ts";
import { type GoLiveMessage, goLiveMessageSchema } from "./notify-followers-on-live.ts";
import type { TokenKeys } from "./unsubscribe-token.ts";
import { runGoLiveFanOut } from "./run-go-live-fan-out.ts";

/** Followers per INSERT … SELECT: big enough to keep Postgres busy, small enough to commit often. */
export const FAN_OUT_BATCH = 10_000;
/** A message works this long, then leaves the rest to a continuation (a queue invocation is bounded). */
export const FAN_OUT_BUDGET_MS = 20_000;

export interface NotifyMessage {
  readonly id: string;
  readonly body: unknown;
  ack(): void;
  retry(): void;
}

/** Emails go out from background work too: links are built on APP_URL, the public origin. */
export function emailDepsFor(db: Db, config: AppConfig, logger: Logger, keys: TokenKeys): EmailDeps | null {
  if (!config.APP_URL) {
    logger.warn("APP_URL is not set: notification emails wait (they need absolute links)");
    return null;
  }
  return { email: createEmailSender(config, db), links: emailLinksFor(keys, config.APP_URL), logger };
}

/**
 * The notify queue's consumer: each message is a go-live fan-out (or its continuation). A
 * message that fails is retried by the queue (then dead-lettered); a malformed one is dropped
 * with a log line, since retrying cannot fix it.
 */
export async function consumeNotifyMessages(
  db: Db,
  messages: readonly NotifyMessage[],
  deps: { config: AppConfig; logger: Logger; keys: TokenKeys; enqueue: (m: GoLiveMessage) => Promise<void> },
): Promise<void> {
  const email = emailDepsFor(db, deps.config, deps.logger, deps.keys);
  for (const message of messages) {
    const parsed = goLiveMessageSchema.safeParse(message.body);
    if (!parsed.success) {
      deps.logger.error("notify queue: malformed message dropped", { id: message.id, issues: parsed.error.issues });
      message.ack();
      continue;
    }
    try {
      const report = await runGoLiveFanOut(
        db,
        { message: parsed.data, batchSize: FAN_OUT_BATCH, budgetMs: FAN_OUT_BUDGET_MS },
        {
          enqueue: deps.enqueue,
          afterBatch: async (owed) => {
            if (email) await deliverNotificationEmails(db, { ids: owed.map((b) => b.id) }, email);
          },
          logger: deps.logger,
        },
      );
      deps.logger.info("go-live fan-out", { streamId: parsed.data.streamId, ...report });
      message.ack();
    } catch (error) {
      deps.logger.error("go-live fan-out failed; the queue retries it", { id: message.id, error });
      message.retry();
    }
  }
}
