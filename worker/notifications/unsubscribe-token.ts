import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { NOTIFICATION_TYPES, type NotificationTypeName } from "../../contracts/notifications.ts";

/** The platform's RS256 pair (auth's SigningKeys), by shape: this module needs nothing else of auth. */
export interface TokenKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** One type's emails, or every notification email (the digest's link). */
export type UnsubscribeScope = NotificationTypeName | "ALL";
const scopeSchema = z.union([z.enum(NOTIFICATION_TYPES), z.literal("ALL")]);

const ISSUER = "tollgate";
/** Its own audience: an unsubscribe token turns one type's emails off and opens nothing else. */
const AUDIENCE = "tollgate-unsubscribe";

/** Signed with the platform key; no expiry, since an old email's link should still work. */
export async function issueUnsubscribeToken(
  keys: TokenKeys,
  input: { userId: string; type: UnsubscribeScope },
): Promise<string> {
  return new SignJWT({ typ: input.type })
    .setProtectedHeader({ alg: "RS256", kid: keys.kid, typ: "JWT" })
    .setSubject(input.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .sign(keys.privateKey);
}

export async function verifyUnsubscribeToken(
  keys: TokenKeys,
  token: string,
): Promise<{ userId: string; type: UnsubscribeScope } | null> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ["RS256"],
    });
    const type = scopeSchema.safeParse(payload.typ);
    return payload.sub && type.success ? { userId: payload.sub, type: type.data } : null;
  } catch {
    return null; // a forged, altered or foreign token is simply not an unsubscribe token
  }
}
