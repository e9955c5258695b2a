import { loadSigningKeys } from "./auth/index.ts";
import { meteringHooksFor } from "./metering/index.ts";
import { notificationHooksFor, runNotificationJobs } from "./notifications/index.ts";
import { sweepWebhookEvents } from "./payments/index.ts";
import type { Db } from "./platform/db/client.ts";
import { createDb } from "./platform/db/client.ts";
import { type AppConfig, parseConfig } from "./platform/env.ts";
import { createLogger } from "./platform/logger.ts";
import { liveKitFromConfig, reconcileStreams } from "./streams/index.ts";

/** The daily Cron Trigger (wrangler.toml): notification digests. */
export const DIGEST_CRON = "0 7 * * *";

/**
 * The Cron Trigger (every minute, wrangler.toml) runs independent jobs: streams and
 * viewers are reconciled with LiveKit's rooms (LiveKit drops webhooks that wait over 30 s),
 * payment webhooks that failed transiently or were abandoned are retried, and notification
 * emails still owed go out. One job failing does not skip the others; the run still fails so
 * the Cron log shows it.
 */
export async function runScheduled(env: Env, cron = "* * * * *"): Promise<void> {
  const config = parseConfig(env);
  const { db, close } = createDb({ url: config.DATABASE_URL, wsProxy: config.NEON_WS_PROXY, max: 1 });
  const errors: unknown[] = [];
  try {
    const jobs =
      cron === DIGEST_CRON
        ? [() => notificationEmails(db, config, { digests: true })]
        : [() => reconcile(db, env, config), () => sweepWebhooks(db), () => notificationEmails(db, config, {})];
    for (const job of jobs) {
      try {
        await job();
      } catch (error) {
        errors.push(error);
      }
    }
  } finally {
    await close();
  }
  if (errors.length > 0) throw errors[0];
}

async function reconcile(db: Db, env: Env, config: AppConfig): Promise<void> {
  const livekit = liveKitFromConfig(config);
  if (!livekit) return;
  const logger = createLogger({ job: "reconcile-streams" });
  try {
    await reconcileStreams(
      db,
      {},
      { livekit, logger, ...meteringHooksFor(db, env), ...notificationHooksFor(db, env, logger) },
    );
  } catch (error) {
    logger.error("reconcile failed", { error });
    throw error;
  }
}

async function sweepWebhooks(db: Db): Promise<void> {
  const logger = createLogger({ job: "sweep-webhooks" });
  try {
    const sweep = await sweepWebhookEvents(db, {}, { logger });
    if (sweep.processed + sweep.retrying + sweep.failed > 0) logger.info("webhooks swept", { ...sweep });
  } catch (error) {
    logger.error("webhook sweep failed", { error });
    throw error;
  }
}

async function notificationEmails(db: Db, config: AppConfig, input: { digests?: boolean }): Promise<void> {
  const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY, config.JWT_KEY_ID);
  await runNotificationJobs(db, config, input, keys);
}
