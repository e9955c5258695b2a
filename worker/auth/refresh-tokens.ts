import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { refreshTokens } from "./auth.schema.ts";
import { hashToken, newOpaqueToken } from "./opaque-token.ts";

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

export async function createRefreshToken(
  db: DbOrTx,
  options: { userId: string; familyId?: string; now?: Date },
): Promise<{ token: string; expiresAt: Date; familyId: string }> {
  const token = newOpaqueToken();
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
  const familyId = options.familyId ?? crypto.randomUUID();
  await db
    .insert(refreshTokens)
    .values({ userId: options.userId, familyId, tokenHash: await hashToken(token), expiresAt });
  return { token, expiresAt, familyId };
}

/**
 * Whether a session (refresh-token family) is still alive: logout, a reused refresh token, a
 * password reset, a suspension or a role change revoke it, and every access token carrying it
 * stops working at once instead of at its expiry.
 */
export async function isSessionActive(db: DbOrTx, input: { userId: string; familyId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: refreshTokens.id })
    .from(refreshTokens)
    .where(
      and(
        eq(refreshTokens.familyId, input.familyId),
        eq(refreshTokens.userId, input.userId),
        isNull(refreshTokens.revokedAt),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export type RotateResult =
  | { status: "rotated"; userId: string; token: string; expiresAt: Date; familyId: string }
  | { status: "invalid" | "expired" }
  | { status: "reused"; userId: string };

/**
 * Exchanges a refresh token for a new one in the same family. Presenting a token that was
 * already rotated (or losing a race to rotate it) revokes the whole family: a thief and the
 * owner cannot both keep a session.
 */
export async function rotateRefreshToken(db: DbOrTx, options: { token: string; now?: Date }): Promise<RotateResult> {
  const now = options.now ?? new Date();
  const tokenHash = await hashToken(options.token);
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
  if (!row) return { status: "invalid" };
  if (row.revokedAt) return { status: "invalid" };
  if (row.rotatedAt) {
    await revokeFamily(db, row.familyId, now);
    return { status: "reused", userId: row.userId };
  }
  if (row.expiresAt <= now) return { status: "expired" };
  const claimed = await db
    .update(refreshTokens)
    .set({ rotatedAt: now })
    .where(and(eq(refreshTokens.id, row.id), isNull(refreshTokens.rotatedAt), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (claimed.length === 0) {
    await revokeFamily(db, row.familyId, now);
    return { status: "reused", userId: row.userId };
  }
  const next = await createRefreshToken(db, { userId: row.userId, familyId: row.familyId, now });
  return { status: "rotated", userId: row.userId, ...next };
}

export async function revokeFamily(db: DbOrTx, familyId: string, now = new Date()): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeRefreshToken(db: DbOrTx, token: string, now = new Date()): Promise<void> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, await hashToken(token)));
  if (row) await revokeFamily(db, row.familyId, now);
}

export async function revokeAllForUser(db: DbOrTx, userId: string, now = new Date()): Promise<void> {
  await db
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}
