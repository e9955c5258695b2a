import { and, eq, isNull, sql } from "drizzle-orm";
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
 * How long a just-rotated token still answers with its successor: two tabs refreshing at the
 * same moment both present the same cookie, and the loser must not end the session.
 */
export const ROTATION_GRACE_MS = 10_000;

/**
 * The successor is derived from the presented token (HMAC under a key only the server holds), so
 * within the grace window the server can hand out the same successor again without ever storing
 * a token in plaintext.
 */
export async function successorToken(key: CryptoKey, token: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(token)));
  return btoa(String.fromCharCode(...mac))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/**
 * Serializes every change to one user's refresh tokens (rotation, revocation) for the rest of the
 * transaction: a revocation then sees every successor a concurrent rotation created, and a rotation
 * never adds a successor to a family that was revoked meanwhile.
 */
async function lockUserSessions(tx: DbOrTx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`refresh_token:${userId}`}, 0))`);
}

/**
 * Exchanges a refresh token for its successor in the same family, in one transaction. Within
 * ROTATION_GRACE_MS of its rotation the same token answers with the same successor; after that,
 * presenting it again revokes the whole family: a thief and the owner cannot both keep a session.
 */
export async function rotateRefreshToken(
  db: DbOrTx,
  options: { token: string; successorKey: CryptoKey; now?: Date },
): Promise<RotateResult> {
  const now = options.now ?? new Date();
  const tokenHash = await hashToken(options.token);
  const successor = await successorToken(options.successorKey, options.token);
  const successorHash = await hashToken(successor);
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ userId: refreshTokens.userId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, tokenHash));
    if (!owner) return { status: "invalid" } as const;
    await lockUserSessions(tx, owner.userId);
    // Read again under the lock: a concurrent rotation or revocation has committed by now.
    const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
    if (!row || row.revokedAt) return { status: "invalid" } as const;
    if (row.rotatedAt) {
      if (now.getTime() - row.rotatedAt.getTime() <= ROTATION_GRACE_MS) {
        const [next] = await tx
          .select({ expiresAt: refreshTokens.expiresAt })
          .from(refreshTokens)
          .where(
            and(
              eq(refreshTokens.tokenHash, successorHash),
              eq(refreshTokens.familyId, row.familyId),
              isNull(refreshTokens.revokedAt),
            ),
          );
        if (next) {
          return {
            status: "rotated",
            userId: row.userId,
            token: successor,
            expiresAt: next.expiresAt,
            familyId: row.familyId,
          } as const;
        }
      }
      await revokeFamilyLocked(tx, row.familyId, now);
      return { status: "reused", userId: row.userId } as const;
    }
    if (row.expiresAt <= now) return { status: "expired" } as const;
    await tx.update(refreshTokens).set({ rotatedAt: now }).where(eq(refreshTokens.id, row.id));
    const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
    await tx
      .insert(refreshTokens)
      .values({ userId: row.userId, familyId: row.familyId, tokenHash: successorHash, expiresAt });
    return { status: "rotated", userId: row.userId, token: successor, expiresAt, familyId: row.familyId } as const;
  });
}

async function revokeFamilyLocked(tx: DbOrTx, familyId: string, now: Date): Promise<void> {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
}

export async function revokeFamily(db: DbOrTx, familyId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: refreshTokens.userId })
      .from(refreshTokens)
      .where(eq(refreshTokens.familyId, familyId))
      .limit(1);
    if (!member) return;
    await lockUserSessions(tx, member.userId);
    await revokeFamilyLocked(tx, familyId, now);
  });
}

export async function revokeRefreshToken(db: DbOrTx, token: string, now = new Date()): Promise<void> {
  const [row] = await db
    .select({ familyId: refreshTokens.familyId })
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, await hashToken(token)));
  if (row) await revokeFamily(db, row.familyId, now);
}

export async function revokeAllForUser(db: DbOrTx, userId: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await lockUserSessions(tx, userId);
    await tx
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
  });
}
