import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../types.ts";

/** Browser features the app uses, for our own origin only; everything else listed is off. */
export const PERMISSIONS_POLICY = [
  "camera=(self)",
  "microphone=(self)",
  "display-capture=(self)",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "hid=()",
  "midi=()",
  "accelerometer=()",
  "gyroscope=()",
  "magnetometer=()",
].join(", ");

/**
 * The LiveKit server's origin and its twin (wss ↔ https, ws ↔ http): the client opens the
 * signalling WebSocket and falls back to HTTP on the same host. An unparsable value adds nothing.
 */
export function liveKitOrigins(wsUrl: string | undefined): string[] {
  if (!wsUrl) return [];
  let url: URL;
  try {
    url = new URL(wsUrl);
  } catch {
    return [];
  }
  const twin: Record<string, string> = { "wss:": "https:", "https:": "wss:", "ws:": "http:", "http:": "ws:" };
  const other = twin[url.protocol];
  if (!other) return [];
  return [`${url.protocol}//${url.host}`, `${other}//${url.host}`];
}

/**
 * solid-sonner (the toasts) injects one fixed `<style>` element and one fixed `style` attribute;
 * its stylesheet is also shipped as a file, but these two exact texts are allowed by hash so the
 * browser logs no violation. Nothing else inline is.
 */
const TOAST_STYLE_HASHES = [
  "'sha256-VGW9ZumzW6csKWFw9hRwjdnPLtZ+SKJRoy+/JbbV7pw='",
  "'unsafe-hashes'",
  "'sha256-ALP3ycagAxVclbu9mnuI7beZ/b1ZMtdjnHt24W2y2m8='",
];

/**
 * Only our own scripts, styles and fonts (the built client has no inline script and no inline
 * style but the toasts' two, by hash; @fontsource fonts are bundled), the LiveKit server for
 * connections, https images for thumbnails, blob: media for the player. Checkout is a top-level
 * navigation: nothing to allow.
 */
export function contentSecurityPolicy(liveKitWsUrl: string | undefined): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...TOAST_STYLE_HASHES].join(" "),
    "font-src 'self'",
    "img-src 'self' data: https:",
    "media-src 'self' blob:",
    ["connect-src 'self'", ...liveKitOrigins(liveKitWsUrl)].join(" "),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Security headers on every response, API and SPA assets alike (app.ts serves the assets through
 * the Worker: wrangler.toml runs the Worker first for every path). Installed before everything,
 * so error and 404 responses carry them too. Headers a handler already set are left alone.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // A WebSocket upgrade's response cannot be rebuilt, and its headers mean nothing to a browser.
  if (c.res.status === 101) return;
  const headers: [string, string][] = [
    ["content-security-policy", contentSecurityPolicy(readLiveKitUrl(c.env))],
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "strict-origin-when-cross-origin"],
    ["permissions-policy", PERMISSIONS_POLICY],
    ["x-frame-options", "DENY"],
  ];
  const apply = (target: Headers) => {
    for (const [name, value] of headers) if (!target.has(name)) target.set(name, value);
  };
  try {
    apply(c.res.headers);
  } catch (error) {
    // A fetch() response (ASSETS.fetch) has immutable headers: answer with a copy instead.
    if (!(error instanceof TypeError)) throw error;
    c.res = new Response(c.res.body, c.res);
    apply(c.res.headers);
  }
});

// Read raw rather than through parseConfig: a misconfigured env must still get its headers.
function readLiveKitUrl(env: unknown): string | undefined {
  if (typeof env !== "object" || env === null) return undefined;
  const value: unknown = Reflect.get(env, "LIVEKIT_WS_URL");
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
