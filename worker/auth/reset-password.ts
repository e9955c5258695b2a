import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import type { Db } from "../platform/db/client.ts";
import type { EmailSender } from "../platform/email/email-sender.ts";
import { passwordResetEmail } from "../platform/email/templates.ts";
import { AppError } from "../platform/errors.ts";
import { checkEmailToken, consumeEmailToken, createEmailToken, voidEmailTokens } from "./email-tokens.ts";
import { hashPassword } from "./password.ts";
import { revokeAllForUser } from "./refresh-tokens.ts";
import { findUserByEmail, setPasswordHash } from "../users/index.ts";

/** Same response whether or not the account exists. */
export async function requestPasswordReset(
  db: Db,
  email: string,
  deps: { email: EmailSender; appUrl: string },
): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.status !== "ACTIVE") return;
  const token = await createEmailToken(db, { userId: user.id, purpose: "RESET_PASSWORD" });
  await deps.email.send(
    passwordResetEmail(user.email, `${deps.appUrl}/reset-password?token=${encodeURIComponent(token)}`),
  );
}

function refusedLink(status: "expired" | "used" | "invalid"): AppError {
  const message =
    status === "expired"
      ? "This reset link has expired"
      : status === "used"
        ? "This reset link was already used"
        : "This reset link is not valid";
  const code = ({ expired: "RESET_TOKEN_EXPIRED", used: "RESET_TOKEN_USED", invalid: "RESET_TOKEN_INVALID" } as const)[
    status
  ];
  return new AppError(code, 400, message);
}

/** Sets the new password, ends every session of the user, and records it. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string; ip?: string | null },
): Promise<void> {
  // The hash costs ~250 ms of CPU: a made-up or spent link must not get to spend it.
  const checked = await checkEmailToken(db, { token: input.token, purpose: "RESET_PASSWORD" });
  if (checked.status !== "ok") throw refusedLink(checked.status);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const result = await consumeEmailToken(tx, { token: input.token, purpose: "RESET_PASSWORD" });
    if (result.status !== "ok") throw refusedLink(result.status);
    await setPasswordHash(tx, { userId: result.userId, passwordHash });
    await revokeAllForUser(tx, result.userId);
    await voidEmailTokens(tx, { userId: result.userId, purpose: "RESET_PASSWORD" });
    await writeAuditLog(tx, {
      actorId: result.userId,
      action: "user.password_reset",
      targetType: "USER",
      targetId: result.userId,
      ip: input.ip ?? null,
    });
  });
}
