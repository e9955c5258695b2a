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

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Why the seed must not run against this database, or null when it may. The seed creates a
 * demo admin with a published password, so it runs only on this machine's Postgres (loopback
 * host or a Unix socket) unless forced. A host we cannot read is refused.
 */
export function seedRefusal(databaseUrl: string, options: { force: boolean }): string | null {
  if (options.force) return null;
  // Parsed by hand: `new URL` rejects libpq's `postgres://user@/db?host=/socket/dir`.
  const m = /^postgres(?:ql)?:\/\/([^/?#]*)[^?#]*(?:\?([^#]*))?/.exec(databaseUrl);
  if (!m) return "DATABASE_URL is not a postgres:// URL; refusing to seed (pass --force to override)";
  const hostPort = (m[1] ?? "").slice((m[1] ?? "").lastIndexOf("@") + 1);
  const authorityHost = hostPort.startsWith("[")
    ? hostPort.slice(0, hostPort.indexOf("]") + 1)
    : hostPort.split(":")[0];
  // libpq/pg: ?host= wins over the authority; a host starting with "/" is a socket directory.
  let host: string;
  try {
    host = decodeURIComponent(new URLSearchParams(m[2] ?? "").get("host") ?? authorityHost ?? "");
  } catch {
    return "DATABASE_URL has a malformed host; refusing to seed (pass --force to override)";
  }
  const local = host === "" || host.startsWith("/") || LOCAL_HOSTS.has(host);
  if (local) return null;
  return `refusing to seed demo accounts (a known admin password) into ${host}: not a local database; pass --force or TOLLGATE_SEED_FORCE=1 if you mean it`;
}

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
