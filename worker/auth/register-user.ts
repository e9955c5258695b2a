import type { RegisterInput } from "../../contracts/auth.ts";
import type { Db } from "../platform/db/client.ts";
import type { EmailSender } from "../platform/email/email-sender.ts";
import { accountExistsEmail, verificationEmail } from "../platform/email/templates.ts";
import { ensureUserWallet } from "../wallet/index.ts";
import { createEmailToken } from "./email-tokens.ts";
import { hashPassword } from "./password.ts";
import { createUserWithProfile } from "../users/index.ts";

/**
 * User, profile and wallet in one transaction, then the verification email. A taken address gets
 * the same answer, the same work (the hash, the insert attempt, one mail) and an "you already have
 * an account" mail instead: only the address's owner learns that it is registered.
 */
export async function registerUser(
  db: Db,
  input: RegisterInput,
  deps: { email: EmailSender; appUrl: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    const user = await createUserWithProfile(tx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName ?? input.email.split("@")[0] ?? "viewer",
    });
    if (!user) return null;
    await ensureUserWallet(tx, user.id);
    return { token: await createEmailToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL" }) };
  });
  if (created) {
    await deps.email.send(verificationEmail(input.email, verifyLink(deps.appUrl, created.token)));
  } else {
    await deps.email.send(
      accountExistsEmail(input.email, { login: `${deps.appUrl}/login`, reset: `${deps.appUrl}/forgot-password` }),
    );
  }
}

/** The client page, which confirms with a POST: a mail scanner that opens the link confirms nothing. */
export function verifyLink(appUrl: string, token: string): string {
  return `${appUrl}/verify?token=${encodeURIComponent(token)}`;
}
