import { errors, jwtVerify, SignJWT } from "jose";
import { CHAT_TOKEN_TTL_SECONDS, chatBadgeSchema, type ChatBadge } from "../../contracts/chat.ts";
import { roleSchema, type RoleName } from "../../contracts/auth.ts";
import type { SigningKeys } from "../auth/index.ts";

const ISSUER = "tollgate";
/** Not the API's audience: a chat token opens a chat socket and nothing else. */
const AUDIENCE = "tollgate-chat";

/** Who is connecting, as the Worker established it when it minted the token. */
export interface ChatIdentity {
  userId: string;
  streamId: string;
  displayName: string;
  avatarUrl: string | null;
  role: RoleName;
  badge: ChatBadge;
  isBroadcaster: boolean;
  canModerate: boolean;
  emailVerified: boolean;
  isFollower: boolean;
}

export async function issueChatToken(
  keys: SigningKeys,
  identity: ChatIdentity,
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + CHAT_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({
    str: identity.streamId,
    name: identity.displayName,
    avatar: identity.avatarUrl,
    role: identity.role,
    badge: identity.badge,
    bc: identity.isBroadcaster,
    mod: identity.canModerate,
    ev: identity.emailVerified,
    fol: identity.isFollower,
  })
    .setProtectedHeader({ alg: "RS256", kid: keys.kid, typ: "JWT" })
    .setSubject(identity.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keys.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

export type ChatTokenCheck = { ok: true; identity: ChatIdentity } | { ok: false; reason: "expired" | "invalid" };

/** RS256 with our key and the chat audience only; the stream must be the one connected to. */
export async function verifyChatToken(
  keys: SigningKeys,
  token: string,
  streamId: string,
  now?: Date,
): Promise<ChatTokenCheck> {
  try {
    const { payload: p } = await jwtVerify(token, keys.publicKey, {
      algorithms: ["RS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      ...(now ? { currentDate: now } : {}),
    });
    const role = roleSchema.safeParse(p.role);
    const badge = chatBadgeSchema.safeParse(p.badge);
    if (
      typeof p.sub !== "string" ||
      p.str !== streamId ||
      typeof p.name !== "string" ||
      !(typeof p.avatar === "string" || p.avatar === null) ||
      !role.success ||
      !badge.success ||
      typeof p.bc !== "boolean" ||
      typeof p.mod !== "boolean" ||
      typeof p.ev !== "boolean" ||
      typeof p.fol !== "boolean"
    ) {
      return { ok: false, reason: "invalid" };
    }
    return {
      ok: true,
      identity: {
        userId: p.sub,
        streamId,
        displayName: p.name,
        avatarUrl: p.avatar,
        role: role.data,
        badge: badge.data,
        isBroadcaster: p.bc,
        canModerate: p.mod,
        emailVerified: p.ev,
        isFollower: p.fol,
      },
    };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
    if (error instanceof errors.JOSEError) return { ok: false, reason: "invalid" };
    throw error;
  }
}
