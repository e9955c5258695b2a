import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_TTL_SECONDS, issueAccessToken, verifyAccessToken } from "./access-token.ts";
import { loadSigningKeys } from "./keys.ts";

const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();
const otherPem = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ type: "pkcs8", format: "pem" })
  .toString();

describe("access tokens", () => {
  it("round-trips the claims with a kid header", async () => {
    const keys = await loadSigningKeys(pem);
    const { token, expiresAt } = await issueAccessToken(keys, {
      sub: "u1",
      role: "CREATOR",
      emailVerified: true,
      sid: "s1",
    });
    expect(JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()).kid).toBe(keys.kid);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_SECONDS * 1000);
    expect(await verifyAccessToken(keys, token)).toEqual({
      ok: true,
      claims: { sub: "u1", role: "CREATOR", emailVerified: true, sid: "s1" },
    });
  });
  it("reports expiry separately from invalidity", async () => {
    const keys = await loadSigningKeys(pem);
    const { token } = await issueAccessToken(
      keys,
      { sub: "u1", role: "VIEWER", emailVerified: false, sid: "s1" },
      new Date(Date.now() - 3600_000),
    );
    expect(await verifyAccessToken(keys, token)).toEqual({ ok: false, reason: "expired" });
  });
  it("refuses a token from another key", async () => {
    const keys = await loadSigningKeys(pem);
    const other = await loadSigningKeys(otherPem);
    const { token } = await issueAccessToken(other, { sub: "u1", role: "ADMIN", emailVerified: true, sid: "s1" });
    expect(await verifyAccessToken(keys, token)).toEqual({ ok: false, reason: "invalid" });
  });
  it("accepts the key as a JWK too, with the same kid", async () => {
    const { createPrivateKey } = await import("node:crypto");
    const jwk = JSON.stringify(createPrivateKey(pem).export({ format: "jwk" }));
    expect((await loadSigningKeys(jwk)).kid).toBe((await loadSigningKeys(pem)).kid);
  });
  it("fails closed without a key", async () => {
    await expect(loadSigningKeys(undefined)).rejects.toThrow(/JWT_PRIVATE_KEY/);
  });
});
