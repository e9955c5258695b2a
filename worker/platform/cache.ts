import type { Context } from "hono";
import type { AppEnv } from "./types.ts";

/**
 * Cache headers of a public read: shared caches may keep the anonymous answer briefly; a signed-in
 * caller's answer (which may say "following") is private. `Vary: Cookie` keeps the two apart.
 */
export function cachePublicRead(c: Context<AppEnv>, maxAgeSeconds = 30): void {
  const signedIn = c.var.claims !== null || c.var.tokenExpired;
  c.header("cache-control", signedIn ? "private, no-store" : `public, max-age=${maxAgeSeconds}`);
  c.header("vary", "Cookie", { append: true });
}
