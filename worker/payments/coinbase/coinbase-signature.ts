/**
 * CDP webhook signatures (X-Hook0-Signature: t=<unix>,h=<header names>,v1=<hex>): HMAC-SHA256
 * over `${t}.${h}.${values of the named headers joined by "."}.${rawBody}` with the
 * subscription secret, compared in constant time, refused when older than the tolerance.
 */
export const SIGNATURE_HEADER = "x-hook0-signature";
export const DEFAULT_TOLERANCE_SECONDS = 300;

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const sig = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message));
  return [...new Uint8Array(sig)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

const signedPayload = (t: string, names: string, values: string, body: string) => `${t}.${names}.${values}.${body}`;

export type SignatureCheck = { ok: true } | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

export async function verifyCoinbaseSignature(options: {
  rawBody: string;
  header: string | undefined;
  headers: (name: string) => string | undefined;
  secret: string;
  nowSeconds?: number;
  toleranceSeconds?: number;
}): Promise<SignatureCheck> {
  if (!options.header) return { ok: false, reason: "missing" };
  const parts = new Map<string, string>();
  for (const piece of options.header.split(",")) {
    const eq = piece.indexOf("=");
    if (eq > 0) parts.set(piece.slice(0, eq).trim(), piece.slice(eq + 1).trim());
  }
  const t = parts.get("t");
  const v1 = parts.get("v1");
  const names = parts.get("h") ?? "";
  if (!t || !/^\d+$/.test(t) || !v1) return { ok: false, reason: "malformed" };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - Number(t)) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS))
    return { ok: false, reason: "stale" };
  const values = names
    .split(" ")
    .filter(Boolean)
    .map((n) => options.headers(n) ?? "")
    .join(".");
  const expected = await hmacHex(options.secret, signedPayload(t, names, values, options.rawBody));
  return constantTimeEqual(expected, v1.toLowerCase()) ? { ok: true } : { ok: false, reason: "mismatch" };
}

/** Signs like Coinbase does: used by the dev checkout and by tests. */
export async function signCoinbasePayload(options: {
  rawBody: string;
  secret: string;
  headers: Record<string, string>;
  timestamp?: number;
}): Promise<string> {
  const t = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const names = Object.keys(options.headers)
    .map((n) => n.toLowerCase())
    .join(" ");
  const values = Object.values(options.headers).join(".");
  return `t=${t},h=${names},v1=${await hmacHex(options.secret, signedPayload(t, names, values, options.rawBody))}`;
}
