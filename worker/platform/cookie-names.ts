import { isLoopbackUrl } from "./dev-tools.ts";

/**
 * The name a cookie goes by on this request. Off loopback cookies are Secure, so they take the
 * browser-enforced prefixes: `__Host-` (Secure, Path=/, no Domain: no subdomain can set or
 * shadow it) for cookies on `/`, `__Secure-` for narrower paths (`__Host-` demands Path=/).
 * Dev and the test tiers on http://127.0.0.1 keep the bare name: a prefixed cookie needs Secure.
 */
export function cookieName(requestUrl: string, base: string, path = "/"): string {
  if (isLoopbackUrl(requestUrl)) return base;
  return path === "/" ? `__Host-${base}` : `__Secure-${base}`;
}
