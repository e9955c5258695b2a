import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { RoleName } from "../../contracts/auth.ts";
import { AppError, forbidden } from "../platform/errors.ts";
import type { AppEnv, AuthUser } from "../platform/types.ts";
import { verifyAccessToken } from "./access-token.ts";
import { readAccessToken } from "./cookies.ts";
import { loadSigningKeys } from "./keys.ts";
import { findUserById } from "../users/index.ts";
import { isSessionActive } from "./refresh-tokens.ts";

/** Verifies the access token if one is present; never rejects by itself. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set("claims", null);
  c.set("tokenExpired", false);
  c.set("user", undefined);
  const token = readAccessToken(c);
  if (token) {
    const keys = await loadSigningKeys(c.var.config.JWT_PRIVATE_KEY, c.var.config.JWT_KEY_ID);
    const result = await verifyAccessToken(keys, token);
    if (result.ok) c.set("claims", result.claims);
    else c.set("tokenExpired", result.reason === "expired");
  }
  await next();
});

/**
 * Signed-in users only. The user row is re-read on every guarded request, so a suspended,
 * deleted or demoted user loses access at once, not at token expiry.
 */
async function loadUser(c: Context<AppEnv>): Promise<AuthUser> {
  const existing = c.get("user");
  if (existing) return existing;
  const claims = c.get("claims");
  if (!claims) {
    throw c.get("tokenExpired")
      ? new AppError("TOKEN_EXPIRED", 401, "Your session expired; refresh it or sign in again")
      : new AppError("UNAUTHORIZED", 401, "Sign in to continue");
  }
  const row = await findUserById(c.var.db, claims.sub);
  if (!row || row.status !== "ACTIVE") throw new AppError("SESSION_REVOKED", 401, "This session is no longer valid");
  // Logged out, reset, suspended or re-roled: the session's family is revoked, and so is this token.
  if (!(await isSessionActive(c.var.db, { userId: row.id, familyId: claims.sid }))) {
    throw new AppError("SESSION_REVOKED", 401, "This session has ended; sign in again");
  }
  const user: AuthUser = { id: row.id, email: row.email, role: row.role, emailVerified: row.emailVerified !== null };
  c.set("user", user);
  return user;
}

export const requireAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await loadUser(c);
    await next();
  });

export const requireRole = (roles: readonly RoleName[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = await loadUser(c);
    if (!roles.includes(user.role)) throw forbidden();
    await next();
  });

export const requireVerifiedEmail = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = await loadUser(c);
    if (!user.emailVerified) throw new AppError("EMAIL_NOT_VERIFIED", 403, "Confirm your email address first");
    await next();
  });

/** The user a guard loaded; calling it on an unguarded route is a programming error. */
export function currentUser(c: Context<AppEnv>): AuthUser {
  const user = c.get("user");
  if (!user) throw new Error("currentUser() on a route without requireAuth/requireRole");
  return user;
}
