import type { LoginInput, PublicUser } from "../../contracts/auth.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { issueAccessToken } from "./access-token.ts";
import type { SigningKeys } from "./keys.ts";
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from "./password.ts";
import { createRefreshToken } from "./refresh-tokens.ts";
import { findUserByEmail, setPasswordHash, toPublicUser } from "../users/index.ts";

export interface SessionTokens {
  user: PublicUser;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export const invalidCredentials = () => new AppError("INVALID_CREDENTIALS", 401, "Email or password is incorrect");

/** Same answer and comparable work for an unknown email and a wrong password. */
export async function loginUser(db: Db, input: LoginInput, deps: { keys: SigningKeys }): Promise<SessionTokens> {
  const user = await findUserByEmail(db, input.email);
  if (!user || user.status === "DELETED") {
    await verifyPassword(input.password, await dummyPasswordHash());
    throw invalidCredentials();
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw invalidCredentials();
  if (user.status !== "ACTIVE") throw new AppError("ACCOUNT_SUSPENDED", 403, "This account is suspended");
  if (needsRehash(user.passwordHash)) {
    await setPasswordHash(db, { userId: user.id, passwordHash: await hashPassword(input.password) });
  }
  const refresh = await createRefreshToken(db, { userId: user.id });
  const access = await issueAccessToken(deps.keys, {
    sub: user.id,
    role: user.role,
    emailVerified: user.emailVerified !== null,
    sid: refresh.familyId,
  });
  return {
    user: toPublicUser(user),
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken: refresh.token,
    refreshTokenExpiresAt: refresh.expiresAt,
  };
}
