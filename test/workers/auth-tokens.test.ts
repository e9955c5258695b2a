import { env } from "cloudflare:test";
import { exportSPKI, importJWK, importPKCS8, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { type ApiErrorBody, call } from "./support/http.ts";
import { jwtPrivateKey, Session, signUpVerified } from "./support/session.ts";

const b64url = (s: string) => btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

async function meWith(token: string) {
  return call<ApiErrorBody>("/api/me", { headers: { authorization: `Bearer ${token}` } });
}

describe("access tokens that must be refused", () => {
  let validToken = "";
  let userId = "";
  let kid = "";

  beforeAll(async () => {
    const s = new Session();
    const login = await s.login("viewer1@tollgate.test");
    userId = (login.body as { user: { id: string } }).user.id;
    validToken = s.cookie("tg_at") ?? "";
    const jwks = await call<{ keys: JWK[] }>("/.well-known/jwks.json");
    kid = jwks.body.keys[0]?.kid ?? "";
  });

  it("accepts the genuine token (control)", async () => {
    expect((await meWith(validToken)).status).toBe(200);
  });

  it("publishes only the public key with a kid", async () => {
    const jwks = await call<{ keys: JWK[] }>("/.well-known/jwks.json");
    expect(jwks.status).toBe(200);
    const [key] = jwks.body.keys;
    expect(key).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig" });
    expect(key?.kid).toBeTruthy();
    expect(key?.d).toBeUndefined();
  });

  it("refuses a tampered payload", async () => {
    const [h, p, sig] = validToken.split(".");
    const payload = JSON.parse(atob((p ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
    payload.role = "ADMIN";
    const forged = `${h}.${b64url(JSON.stringify(payload))}.${sig}`;
    expect((await meWith(forged)).status).toBe(401);
  });

  it("refuses alg: none", async () => {
    const header = b64url(JSON.stringify({ alg: "none", typ: "JWT", kid }));
    const payload = b64url(
      JSON.stringify({
        sub: userId,
        role: "ADMIN",
        emailVerified: true,
        iss: "tollgate",
        aud: "tollgate-api",
        exp: 4102444800,
      }),
    );
    expect((await meWith(`${header}.${payload}.`)).status).toBe(401);
  });

  it("refuses an HS256 token signed with the public key", async () => {
    const jwks = await call<{ keys: JWK[] }>("/.well-known/jwks.json");
    const publicKey = await importJWK(jwks.body.keys[0] as JWK, "RS256");
    const pem = await exportSPKI(publicKey as CryptoKey);
    const token = await new SignJWT({ role: "ADMIN", emailVerified: true })
      .setProtectedHeader({ alg: "HS256", kid })
      .setSubject(userId)
      .setIssuer("tollgate")
      .setAudience("tollgate-api")
      .setExpirationTime("10m")
      .sign(new TextEncoder().encode(pem));
    expect((await meWith(token)).status).toBe(401);
  });

  it("refuses an expired token with TOKEN_EXPIRED", async () => {
    const key = await importPKCS8(jwtPrivateKey(), "RS256");
    const past = Math.floor(Date.now() / 1000) - 3600;
    const token = await new SignJWT({ role: "VIEWER", emailVerified: true })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject(userId)
      .setIssuer("tollgate")
      .setAudience("tollgate-api")
      .setIssuedAt(past - 900)
      .setExpirationTime(past)
      .sign(key);
    const res = await meWith(token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("TOKEN_EXPIRED");
  });

  it("refuses a token signed by another key", async () => {
    const other = await crypto.subtle.generateKey(
      { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
      true,
      ["sign", "verify"],
    );
    const token = await new SignJWT({ role: "ADMIN", emailVerified: true })
      .setProtectedHeader({ alg: "RS256", kid })
      .setSubject(userId)
      .setIssuer("tollgate")
      .setAudience("tollgate-api")
      .setExpirationTime("10m")
      .sign((other as CryptoKeyPair).privateKey);
    expect((await meWith(token)).status).toBe(401);
  });

  it("refuses a valid token of a deleted user", async () => {
    const { session, userId: doomed } = await signUpVerified("deleted");
    const token = session.cookie("tg_at") ?? "";
    expect((await meWith(token)).status).toBe(200);
    const admin = new Session();
    await admin.login("admin@tollgate.test");
    expect(
      (await admin.call(`/api/admin/users/${doomed}`, { method: "PATCH", body: { status: "DELETED" } })).status,
    ).toBe(200);
    const res = await meWith(token);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("SESSION_REVOKED");
  });

  it("keeps the dev outbox out of production", async () => {
    const { createApp } = await import("../../worker/app.ts");
    const prodEnv = { ...env, ENVIRONMENT: "production", NEON_WS_PROXY: "" };
    const res = await createApp().request("/api/dev/outbox", {}, prodEnv);
    expect(res.status).toBe(404);
  });
});
