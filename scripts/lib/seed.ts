import { eq } from "drizzle-orm";
import { hashPassword } from "../../worker/auth/password.ts";
import { categories, prices, profiles, users, wallets } from "../../worker/db/schema/index.ts";
import type { ScriptDb } from "./database.ts";
import { DEMO_CATEGORIES, DEMO_PASSWORD, DEMO_PRICES, DEMO_USERS } from "./seed-data.ts";

/** Idempotent development/test seed: running it twice changes nothing the second time. */
export async function seedDatabase(db: ScriptDb): Promise<void> {
  await db.insert(categories).values(DEMO_CATEGORIES).onConflictDoNothing({ target: categories.slug });
  await db
    .insert(prices)
    .values(DEMO_PRICES.map((p) => ({ ...p, currency: "usd" })))
    .onConflictDoNothing({ target: prices.productCode });

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of DEMO_USERS) {
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(users)
        .values({ email: demo.email, passwordHash, role: demo.role, emailVerified: new Date() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      const user =
        inserted[0] ?? (await tx.select({ id: users.id }).from(users).where(eq(users.email, demo.email)))[0];
      if (!user) throw new Error(`seed: user ${demo.email} missing`);
      await tx
        .insert(profiles)
        .values({ userId: user.id, displayName: demo.displayName, isCreator: demo.role === "CREATOR" })
        .onConflictDoNothing({ target: profiles.userId });
      await tx.insert(wallets).values({ kind: "USER", userId: user.id }).onConflictDoNothing();
    });
  }
}
