import { errors, jwtVerify, SignJWT } from "jose";
import { roleSchema, type RoleName } from "../../contracts/auth.ts";
import type { SigningKeys } from "./keys.ts";

export const ISSUER = "tollgate";
export const AUDIENCE = "tollgate-api";
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export interface AccessClaims {
  sub: string;
  role: RoleName;
  emailVerified: boolean;
  /** The session (refresh-token family) this token belongs to: revoking it ends the token too. */
  sid: string;
}

export async function issueAccessToken(
  keys: SigningKeys,
  claims: AccessClaims,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ role: claims.role, emailVerified: claims.emailVerified, sid: claims.sid })
    .setProtectedHeader({ alg: "RS256", kid: keys.kid, typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(keys.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

export type VerifyResult = { ok: true; claims: AccessClaims } | { ok: false; reason: "expired" | "invalid" };

/** Only RS256 with our key is accepted: `alg: none`, HS256-with-the-public-key and tampering all fail. */
export async function verifyAccessToken(keys: SigningKeys, token: string, now?: Date): Promise<VerifyResult> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      algorithms: ["RS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      ...(now ? { currentDate: now } : {}),
    });
    const role = roleSchema.safeParse(payload.role);
    if (
      !payload.sub ||
      !role.success ||
      typeof payload.emailVerified !== "boolean" ||
      typeof payload.sid !== "string"
    ) {
      return { ok: false, reason: "invalid" };
    }
    return {
      ok: true,
      claims: { sub: payload.sub, role: role.data, emailVerified: payload.emailVerified, sid: payload.sid },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof errors.JOSEError) return { ok: false, reason: "invalid" };
    throw error;
  }
}
