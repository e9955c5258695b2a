import { eq } from "drizzle-orm";
import { hashPassword } from "../../worker/auth/password.ts";
import { categories } from "../../worker/categories/categories.schema.ts";
import { prices } from "../../worker/prices/prices.schema.ts";
import { profiles, users } from "../../worker/users/users.schema.ts";
import {
  adjustWallet,
  ensureCreatorEarnings,
  ensureSystemAccounts,
  ensureUserWallet,
} from "../../worker/wallet/index.ts";
import { creditsToMillis } from "../../contracts/money.ts";
import type { ScriptDb } from "./database.ts";
import { DEMO_CATEGORIES, DEMO_PASSWORD, DEMO_PRICES, DEMO_USERS, VIEWER_STARTING_CREDITS } from "./seed-data.ts";

/** Idempotent development/test seed: running it twice changes nothing the second time. */
export async function seedDatabase(db: ScriptDb): Promise<void> {
  await db.insert(categories).values(DEMO_CATEGORIES).onConflictDoNothing({ target: categories.slug });
  await db
    .insert(prices)
    .values(DEMO_PRICES.map((p) => ({ ...p, currency: "usd" })))
    .onConflictDoNothing({ target: prices.productCode });

  await ensureSystemAccounts(db);

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const demo of DEMO_USERS) {
    const id = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(users)
        .values({ email: demo.email, passwordHash, role: demo.role, emailVerified: new Date() })
        .onConflictDoNothing({ target: users.email })
        .returning({ id: users.id });
      const user = inserted[0] ?? (await tx.select({ id: users.id }).from(users).where(eq(users.email, demo.email)))[0];
      if (!user) throw new Error(`seed: user ${demo.email} missing`);
      await tx
        .insert(profiles)
        .values({ userId: user.id, displayName: demo.displayName, isCreator: demo.role === "CREATOR" })
        .onConflictDoNothing({ target: profiles.userId });
      await ensureUserWallet(tx, user.id);
      if (demo.role === "CREATOR") await ensureCreatorEarnings(tx, user.id);
      return user.id;
    });
    ids.set(demo.email, id);
  }

  // Viewers start with credits, booked like any admin grant; the key makes re-seeding a no-op.
  const adminId = ids.get("admin@tollgate.test");
  if (!adminId) throw new Error("seed: admin missing");
  for (const demo of DEMO_USERS.filter((u) => u.role === "VIEWER")) {
    const userId = ids.get(demo.email);
    if (!userId) continue;
    await adjustWallet(db, {
      userId,
      amount: creditsToMillis(VIEWER_STARTING_CREDITS),
      reason: "Demo starting credits",
      adminId,
      idempotencyKey: `seed:starting-credits:${demo.email}`,
    });
  }
}
