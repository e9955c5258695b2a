import type { AppConfig } from "./env.ts";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Is this URL's host the machine itself? Dev and the test tiers run on http://127.0.0.1:<port>. */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/**
 * May this request use the development tools (mailbox, built-in test checkout, dev webhook
 * secrets)? Only a development or test build answering on a loopback host: a deployed Worker
 * (production, staging, preview) is reached through a public hostname, so it refuses whatever
 * its ENVIRONMENT says. Cloudflare routes by hostname, so a public request cannot claim one.
 */
export function devToolsAllowed(config: AppConfig, requestUrl: string): boolean {
  return (config.ENVIRONMENT === "development" || config.ENVIRONMENT === "test") && isLoopbackUrl(requestUrl);
}

/** The per-request decision requestContext stored in the config; absent (no request) means no. */
export const devToolsEnabled = (config: AppConfig): boolean =>
  config.devTools === true && config.ENVIRONMENT !== "production";
