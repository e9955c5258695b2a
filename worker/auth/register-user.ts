import type { PublicUser, RegisterInput } from "../../contracts/auth.ts";
import type { Db } from "../platform/db/client.ts";
import type { EmailSender } from "../platform/email/email-sender.ts";
import { verificationEmail } from "../platform/email/templates.ts";
import { conflict } from "../platform/errors.ts";
import { ensureUserWallet } from "../wallet/index.ts";
import { createEmailToken } from "./email-tokens.ts";
import { hashPassword } from "./password.ts";
import { createUserWithProfile, toPublicUser } from "../users/index.ts";

/** User, profile and wallet in one transaction, then the verification email. */
export async function registerUser(
  db: Db,
  input: RegisterInput,
  deps: { email: EmailSender; appUrl: string },
): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    const user = await createUserWithProfile(tx, {
      email: input.email,
      passwordHash,
      displayName: input.displayName ?? input.email.split("@")[0] ?? "viewer",
    });
    if (!user) return null;
    await ensureUserWallet(tx, user.id);
    const token = await createEmailToken(tx, { userId: user.id, purpose: "VERIFY_EMAIL" });
    return { user, token };
  });
  if (!created) throw conflict("EMAIL_TAKEN", "An account with this email already exists");
  await deps.email.send(verificationEmail(input.email, verifyLink(deps.appUrl, created.token)));
  return toPublicUser(created.user);
}

export function verifyLink(appUrl: string, token: string): string {
  return `${appUrl}/api/auth/verify?token=${encodeURIComponent(token)}`;
}
