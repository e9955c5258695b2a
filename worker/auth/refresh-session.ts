import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { issueAccessToken } from "./access-token.ts";
import type { SigningKeys } from "./keys.ts";
import type { SessionTokens } from "./login-user.ts";
import { revokeAllForUser, rotateRefreshToken } from "./refresh-tokens.ts";
import { findUserById, toPublicUser } from "../users/index.ts";

const sessionEnded = (message: string) => new AppError("SESSION_EXPIRED", 401, message);

export async function refreshSession(
  db: Db,
  token: string | undefined,
  deps: { keys: SigningKeys },
): Promise<SessionTokens> {
  if (!token) throw sessionEnded("Sign in again");
  const rotated = await rotateRefreshToken(db, { token, successorKey: deps.keys.refreshSuccessorKey });
  if (rotated.status === "reused") {
    throw new AppError("REFRESH_TOKEN_REUSED", 401, "This session was ended for your safety; sign in again");
  }
  if (rotated.status !== "rotated") throw sessionEnded("Sign in again");
  const user = await findUserById(db, rotated.userId);
  if (!user || user.status !== "ACTIVE") {
    await revokeAllForUser(db, rotated.userId);
    throw sessionEnded("This account can no longer sign in");
  }
  const access = await issueAccessToken(deps.keys, {
    sub: user.id,
    role: user.role,
    emailVerified: user.emailVerified !== null,
    sid: rotated.familyId,
  });
  return {
    user: toPublicUser(user),
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: rotated.token,
    refreshTokenExpiresAt: rotated.expiresAt,
  };
}
