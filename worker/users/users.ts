import { and, eq, inArray, isNull } from "drizzle-orm";
import type { PublicUser } from "../../contracts/auth.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { profiles, users, type Role, type User } from "./users.schema.ts";

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

/** A new account and its profile; null when the email is taken (inside the caller's transaction). */
export async function createUserWithProfile(
  db: DbOrTx,
  input: { email: string; passwordHash: string; displayName: string },
): Promise<User | null> {
  const [user] = await db
    .insert(users)
    .values({ email: input.email, passwordHash: input.passwordHash })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!user) return null;
  await db.insert(profiles).values({ userId: user.id, displayName: input.displayName });
  return user;
}

export async function setPasswordHash(db: DbOrTx, input: { userId: string; passwordHash: string }): Promise<void> {
  await db.update(users).set({ passwordHash: input.passwordHash }).where(eq(users.id, input.userId));
}

/** Marks the email verified; false when it already was. */
export async function markEmailVerified(db: DbOrTx, userId: string): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ emailVerified: new Date() })
    .where(and(eq(users.id, userId), isNull(users.emailVerified)))
    .returning({ id: users.id });
  return updated.length > 0;
}

export interface PublicProfile {
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  /** For badges beside a name (chat). */
  role: Role;
}

/** Display names and avatars by user id, for lists (streams, chat). */
export async function getPublicProfiles(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, PublicProfile>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({
      userId: profiles.userId,
      displayName: profiles.displayName,
      avatarUrl: profiles.avatarUrl,
      role: users.role,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(inArray(profiles.userId, unique));
  return new Map(rows.map((r) => [r.userId, r]));
}
