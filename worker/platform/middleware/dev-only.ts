import { createMiddleware } from "hono/factory";
import { devToolsAllowed } from "../dev-tools.ts";
import { parseConfig } from "../env.ts";
import { notFound } from "../errors.ts";
import type { AppEnv } from "../types.ts";

/**
 * Development tools (mailbox, test checkout) exist only in development and test, and only on a
 * loopback host: every deployed environment answers 404 whatever its ENVIRONMENT.
 */
export const devOnly = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    // Decided from the env and URL directly, so it holds even if mounted before requestContext.
    if (!devToolsAllowed(parseConfig(c.env), c.req.url)) throw notFound("Route");
    await next();
  });
