import { calculateJwkThumbprint, exportJWK, importJWK, importPKCS8, type JWK } from "jose";
import { AppError } from "../platform/errors.ts";

export interface SigningKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public half, published at /.well-known/jwks.json. */
  publicJwk: JWK;
  /** HMAC key for refresh-token successors (refresh-tokens.ts), derived from the private key by HKDF. */
  refreshSuccessorKey: CryptoKey;
}

const PRIVATE_PARTS = ["d", "p", "q", "dp", "dq", "qi"] as const;
const cache = new Map<string, Promise<SigningKeys>>();

/**
 * The RS256 signing key comes from the JWT_PRIVATE_KEY secret, as PKCS#8 PEM or as a JWK.
 * The key id is JWT_KEY_ID or the key's RFC 7638 thumbprint, so rotation can publish both keys.
 */
export function loadSigningKeys(secret: string | undefined, keyId?: string): Promise<SigningKeys> {
  if (!secret) {
    return Promise.reject(new AppError("MISCONFIGURED", 500, "JWT_PRIVATE_KEY is not set"));
  }
  const cacheKey = `${keyId ?? ""}\n${secret}`;
  let keys = cache.get(cacheKey);
  if (!keys) {
    keys = importKeys(secret, keyId);
    cache.set(cacheKey, keys);
  }
  return keys;
}

async function importKeys(secret: string, keyId?: string): Promise<SigningKeys> {
  const trimmed = secret.trim();
  const privateKey = trimmed.startsWith("{")
    ? ((await importJWK(JSON.parse(trimmed) as JWK, "RS256", { extractable: true })) as CryptoKey)
    : await importPKCS8(trimmed, "RS256", { extractable: true });
  const full = await exportJWK(privateKey);
  const publicJwk: JWK = { ...full };
  for (const part of PRIVATE_PARTS) delete publicJwk[part];
  const kid = keyId ?? (await calculateJwkThumbprint(publicJwk));
  Object.assign(publicJwk, { kid, alg: "RS256", use: "sig" });
  const publicKey = (await importJWK(publicJwk, "RS256")) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk, refreshSuccessorKey: await deriveSuccessorKey(trimmed) };
}

async function deriveSuccessorKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), "HKDF", false, ["deriveKey"]);
  return crypto.subtle.deriveKey(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: new TextEncoder().encode("tollgate refresh-token successor v1"),
    },
    material,
    { name: "HMAC", hash: "SHA-256", length: 256 },
    false,
    ["sign"],
  );
}
