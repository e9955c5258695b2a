import type { Context } from "hono";
import { createDb, type Db } from "../platform/db/client.ts";
import type { AppEnv } from "../platform/types.ts";

/**
 * Runs work after the response is sent (waitUntil), so how long it takes tells the caller nothing
 * (e.g. whether a reset mail went out). It gets its own pool: the request's closes with the response.
 */
export function afterResponse(c: Context<AppEnv>, work: (db: Db) => Promise<void>): void {
  const logger = c.var.logger;
  const handle = createDb({
    url: c.var.config.DATABASE_URL,
    wsProxy: c.var.config.NEON_WS_PROXY,
    max: 1,
    onError: (error) => logger.warn("db pool error", { error }),
  });
  const task = work(handle.db)
    .catch((error: unknown) => logger.error("background work failed", { error }))
    .finally(() => handle.close().catch((error: unknown) => logger.warn("db pool close failed", { error })));
  c.executionCtx.waitUntil(task);
}
