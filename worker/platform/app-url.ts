import type { Context } from "hono";
import type { AppEnv } from "./types.ts";

/** The public origin links and redirects are built from: APP_URL, else the request's own origin. */
export const appUrl = (c: Context<AppEnv>): string => c.var.config.APP_URL ?? new URL(c.req.url).origin;
