import { meteringHooksFor } from "./metering/index.ts";
import { createDb } from "./platform/db/client.ts";
import { parseConfig } from "./platform/env.ts";
import { createLogger } from "./platform/logger.ts";
import { liveKitFromConfig, reconcileStreams } from "./streams/index.ts";

/**
 * The Cron Trigger (every minute, wrangler.toml): LiveKit drops webhooks that wait over 30 s,
 * so streams and viewers are reconciled with LiveKit's rooms.
 */
export async function runScheduled(env: Env): Promise<void> {
  const config = parseConfig(env);
  const livekit = liveKitFromConfig(config);
  if (!livekit) return;
  const logger = createLogger({ job: "reconcile-streams" });
  const { db, close } = createDb({ url: config.DATABASE_URL, wsProxy: config.NEON_WS_PROXY, max: 1 });
  try {
    await reconcileStreams(db, {}, { livekit, logger, ...meteringHooksFor(db, env) });
  } catch (error) {
    logger.error("reconcile failed", { error });
    throw error;
  } finally {
    await close();
  }
}
