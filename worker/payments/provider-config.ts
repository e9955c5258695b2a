import { devToolsEnabled } from "../platform/dev-tools.ts";
import type { AppConfig } from "../platform/env.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Secrets the built-in dev checkout signs its webhooks with. They are public (in this repo), so
 * they are accepted only where dev tools are: development/test on a loopback host, never deployed.
 */
export const DEV_STRIPE_WEBHOOK_SECRET = "whsec_tollgate_dev_checkout_secret";
export const DEV_COINBASE_WEBHOOK_SECRET = "tollgate-dev-coinbase-webhook-secret";

// Without keys, only a loopback dev/test request may fall back to the dev checkout and secrets.
const refusesDevMode = (c: AppConfig) => !devToolsEnabled(c);

export function stripeMode(c: AppConfig): "live" | "dev" {
  if (c.STRIPE_SECRET_KEY) return "live";
  if (refusesDevMode(c)) throw new AppError("PAYMENTS_UNAVAILABLE", 503, "Card payments are not configured");
  return "dev";
}

export function coinbaseMode(c: AppConfig): "live" | "dev" {
  if (c.COINBASE_API_KEY) return "live";
  if (refusesDevMode(c)) throw new AppError("PAYMENTS_UNAVAILABLE", 503, "Crypto payments are not configured");
  return "dev";
}

/** Fail closed: a deployed Worker without a webhook secret verifies nothing and books nothing. */
export function stripeWebhookSecret(c: AppConfig): string {
  if (c.STRIPE_WEBHOOK_SECRET) return c.STRIPE_WEBHOOK_SECRET;
  if (refusesDevMode(c)) throw new AppError("MISCONFIGURED", 500, "STRIPE_WEBHOOK_SECRET is not set");
  return DEV_STRIPE_WEBHOOK_SECRET;
}

export function coinbaseWebhookSecret(c: AppConfig): string {
  if (c.COINBASE_WEBHOOK_SECRET) return c.COINBASE_WEBHOOK_SECRET;
  if (refusesDevMode(c)) throw new AppError("MISCONFIGURED", 500, "COINBASE_WEBHOOK_SECRET is not set");
  return DEV_COINBASE_WEBHOOK_SECRET;
}
