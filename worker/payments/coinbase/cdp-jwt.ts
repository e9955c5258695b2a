import { importJWK, importPKCS8, SignJWT } from "jose";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";

/**
 * Coinbase Developer Platform API keys, as downloaded (cdp_api_key.json): { id|name, privateKey }.
 * privateKey is an Ed25519 key (base64 of 64 bytes: seed then public key) or an EC P-256 key
 * in PKCS#8 PEM. Each request carries a fresh JWT bound to its method, host and path.
 */
const keyFileSchema = z
  .object({ id: z.string().optional(), name: z.string().optional(), privateKey: z.string().min(1) })
  .refine((k) => k.id ?? k.name, "the key file needs an id or name");

export interface CdpKey {
  keyName: string;
  alg: "EdDSA" | "ES256";
  key: CryptoKey;
}

export async function parseCdpKey(raw: string): Promise<CdpKey> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("MISCONFIGURED", 500, "COINBASE_API_KEY must be the CDP API key JSON");
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new AppError("MISCONFIGURED", 500, "COINBASE_API_KEY: invalid CDP API key JSON");
  const keyName = parsed.data.id ?? parsed.data.name ?? "";
  const secret = parsed.data.privateKey.trim();
  if (secret.includes("BEGIN PRIVATE KEY")) {
    return { keyName, alg: "ES256", key: await importPKCS8(secret, "ES256") };
  }
  const bytes = Uint8Array.from(atob(secret), (ch) => ch.charCodeAt(0));
  if (bytes.length !== 64) throw new AppError("MISCONFIGURED", 500, "COINBASE_API_KEY: unsupported private key format");
  const b64url = (b: Uint8Array) =>
    btoa(String.fromCharCode(...b))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const key = (await importJWK(
    { kty: "OKP", crv: "Ed25519", d: b64url(bytes.slice(0, 32)), x: b64url(bytes.slice(32)) },
    "EdDSA",
  )) as CryptoKey;
  return { keyName, alg: "EdDSA", key };
}

export async function signCdpRequest(key: CdpKey, method: string, url: URL): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  return new SignJWT({ uri: `${method} ${url.host}${url.pathname}` })
    .setProtectedHeader({ alg: key.alg, kid: key.keyName, typ: "JWT", nonce })
    .setIssuer("cdp")
    .setSubject(key.keyName)
    .setNotBefore(now)
    .setExpirationTime(now + 120)
    .sign(key.key);
}
