import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { emailTokens } from "./auth.schema.ts";
import { hashToken, newOpaqueToken } from "./opaque-token.ts";

export type EmailTokenPurpose = "VERIFY_EMAIL" | "RESET_PASSWORD";
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  VERIFY_EMAIL: 24 * 3600 * 1000,
  RESET_PASSWORD: 3600 * 1000,
};

export async function createEmailToken(
  db: DbOrTx,
  options: { userId: string; purpose: EmailTokenPurpose; now?: Date },
): Promise<string> {
  const token = newOpaqueToken();
  const now = options.now ?? new Date();
  await db.insert(emailTokens).values({
    userId: options.userId,
    purpose: options.purpose,
    tokenHash: await hashToken(token),
    expiresAt: new Date(now.getTime() + EMAIL_TOKEN_TTL_MS[options.purpose]),
  });
  return token;
}

/** Voids a user's other unused tokens of one purpose (a reset that succeeded voids the other links). */
export async function voidEmailTokens(
  db: DbOrTx,
  options: { userId: string; purpose: EmailTokenPurpose; now?: Date },
): Promise<void> {
  await db
    .update(emailTokens)
    .set({ usedAt: options.now ?? new Date() })
    .where(
      and(eq(emailTokens.userId, options.userId), eq(emailTokens.purpose, options.purpose), isNull(emailTokens.usedAt)),
    );
}

export type ConsumeResult = { status: "ok"; userId: string } | { status: "expired" | "used" | "invalid" };

/**
 * What consuming the token would answer now, without consuming it: lets a reset refuse a bad link
 * before paying for the password hash. consumeEmailToken still decides (a race can use it first).
 */
export async function checkEmailToken(
  db: DbOrTx,
  options: { token: string; purpose: EmailTokenPurpose; now?: Date },
): Promise<ConsumeResult> {
  const now = options.now ?? new Date();
  const [row] = await db
    .select({
      userId: emailTokens.userId,
      usedAt: emailTokens.usedAt,
      purpose: emailTokens.purpose,
      expiresAt: emailTokens.expiresAt,
    })
    .from(emailTokens)
    .where(eq(emailTokens.tokenHash, await hashToken(options.token)));
  if (!row || row.purpose !== options.purpose) return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "ok", userId: row.userId };
}

/** Single use: the conditional update claims the token; a second use finds used_at set. */
export async function consumeEmailToken(
  db: DbOrTx,
  options: { token: string; purpose: EmailTokenPurpose; now?: Date },
): Promise<ConsumeResult> {
  const now = options.now ?? new Date();
  const tokenHash = await hashToken(options.token);
  const [claimed] = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tokenHash, tokenHash),
        eq(emailTokens.purpose, options.purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ userId: emailTokens.userId });
  if (claimed) return { status: "ok", userId: claimed.userId };
  const [row] = await db
    .select({ usedAt: emailTokens.usedAt, purpose: emailTokens.purpose })
    .from(emailTokens)
    .where(eq(emailTokens.tokenHash, tokenHash));
  if (!row || row.purpose !== options.purpose) return { status: "invalid" };
  return { status: row.usedAt ? "used" : "expired" };
}
