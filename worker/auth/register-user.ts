import type { PublicUser, RegisterInput } from "../contracts/auth.ts";
import type { Db } from "../db/client.ts";
import { profiles, users } from "../db/schema/index.ts";
import type { EmailSender } from "../email/email-sender.ts";
import { verificationEmail } from "../email/templates.ts";
import { conflict } from "../errors.ts";
import { ensureUserWallet } from "../wallet/ensure-accounts.ts";
import { createEmailToken } from "./email-tokens.ts";
import { hashPassword } from "./password.ts";
import { toPublicUser } from "./users.ts";

/** User, profile and wallet in one transaction, then the verification email. */
export async function registerUser(
  db: Db,
  input: RegisterInput,
  deps: { email: EmailSender; appUrl: string },
): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password);
  const created = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!user) return null;
    await tx
      .insert(profiles)
      .values({ userId: user.id, displayName: input.displayName ?? input.email.split("@")[0] ?? "viewer" });
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
