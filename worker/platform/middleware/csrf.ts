import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.ts";
import type { AppEnv } from "../types.ts";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated state changes must come from our own origin. Requests without
 * cookies (webhooks, API clients with bearer tokens) cannot ride a victim's session.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE.has(c.req.method) || !c.req.header("cookie")) return next();
  const allowed = new Set([new URL(c.req.url).origin]);
  if (c.var.config.APP_URL) allowed.add(new URL(c.var.config.APP_URL).origin);
  const origin = c.req.header("origin");
  const site = c.req.header("sec-fetch-site");
  const ok = origin ? allowed.has(origin) : site === "same-origin" || site === "none";
  if (!ok) throw new AppError("CSRF_REJECTED", 403, "Cross-site request refused");
  await next();
});
