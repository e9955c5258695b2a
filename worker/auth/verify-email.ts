import type { VerifyStatus } from "../../contracts/auth.ts";
import type { Db } from "../platform/db/client.ts";
import type { EmailSender } from "../platform/email/email-sender.ts";
import { verificationEmail } from "../platform/email/templates.ts";
import { consumeEmailToken, createEmailToken } from "./email-tokens.ts";
import { verifyLink } from "./register-user.ts";
import { findUserByEmail, markEmailVerified } from "../users/index.ts";

export async function verifyEmail(db: Db, token: string): Promise<VerifyStatus> {
  return db.transaction(async (tx) => {
    const result = await consumeEmailToken(tx, { token, purpose: "VERIFY_EMAIL" });
    if (result.status !== "ok") return result.status;
    return (await markEmailVerified(tx, result.userId)) ? "ok" : "already_verified";
  });
}

/** Answers the same whether or not the account exists or is verified (no enumeration). */
export async function resendVerification(
  db: Db,
  email: string,
  deps: { email: EmailSender; appUrl: string },
): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || user.emailVerified || user.status !== "ACTIVE") return;
  const token = await createEmailToken(db, { userId: user.id, purpose: "VERIFY_EMAIL" });
  await deps.email.send(verificationEmail(user.email, verifyLink(deps.appUrl, token)));
}
