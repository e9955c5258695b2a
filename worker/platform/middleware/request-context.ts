import { createMiddleware } from "hono/factory";
import { createDb } from "../db/client.ts";
import { devToolsAllowed } from "../dev-tools.ts";
import { parseConfig } from "../env.ts";
import { createLogger } from "../logger.ts";
import type { AppEnv } from "../types.ts";

/** Request id, parsed config, a request logger and a per-request database pool. */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const requestId = c.req.header("x-request-id")?.slice(0, 64) || crypto.randomUUID();
  const logger = createLogger({ requestId });
  c.set("requestId", requestId);
  c.set("logger", logger);
  c.header("x-request-id", requestId);
  const parsed = parseConfig(c.env);
  // A copy per request: the parsed env is cached per isolate, the dev-tools decision is per host.
  const config = { ...parsed, devTools: devToolsAllowed(parsed, c.req.url) };
  c.set("config", config);
  const handle = createDb({
    url: config.DATABASE_URL,
    wsProxy: config.NEON_WS_PROXY,
    onError: (error) => logger.warn("db pool error", { error }),
  });
  c.set("db", handle.db);
  const started = Date.now();
  try {
    await next();
  } finally {
    const closing = handle.close().catch((error: unknown) => logger.warn("db pool close failed", { error }));
    waitUntil(c, closing);
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
    });
  }
});

function waitUntil(c: { executionCtx: { waitUntil(p: Promise<unknown>): void } }, promise: Promise<unknown>): void {
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    ctx = undefined; // app.request() in unit tests has no execution context
  }
  if (ctx) ctx.waitUntil(promise);
  else void promise;
}
