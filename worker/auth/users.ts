import { eq } from "drizzle-orm";
import type { PublicUser } from "../contracts/auth.ts";
import type { DbOrTx } from "../db/client.ts";
import { profiles, users, type User } from "../db/schema/index.ts";

/** The only shape of a user that leaves the server: never the hash. */
export function toPublicUser(
  u: Pick<User, "id" | "email" | "role" | "status" | "emailVerified" | "createdAt">,
): PublicUser {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    status: u.status,
    emailVerified: u.emailVerified !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function findProfile(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      displayName: profiles.displayName,
      avatarUrl: profiles.avatarUrl,
      bio: profiles.bio,
      isCreator: profiles.isCreator,
    })
    .from(profiles)
    .where(eq(profiles.userId, userId));
  return row ?? null;
}
