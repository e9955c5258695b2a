import type { Context } from "hono";
import { appUrl } from "../platform/app-url.ts";
import type { AppEnv } from "../platform/types.ts";
import type { PaymentDeps } from "./providers.ts";

/** What the payment use-cases need from a request: database, logger, config, public origin. */
export const paymentDeps = (c: Context<AppEnv>): PaymentDeps => ({
  db: c.var.db,
  logger: c.var.logger,
  config: c.var.config,
  appUrl: appUrl(c),
});
