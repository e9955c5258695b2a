import { createMiddleware } from "hono/factory";
import { notFound } from "../errors.ts";
import type { AppEnv } from "../types.ts";

/** Development tools (mailbox, test checkout) exist only in development and test. */
export const devOnly = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (c.var.config.ENVIRONMENT === "production") throw notFound("Route");
    await next();
  });
