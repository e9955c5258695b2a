import { and, eq, or } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { textMatches } from "../platform/text-search.ts";
import { profiles, users } from "./users.schema.ts";

export interface CreatorAccount {
  userId: string;
  displayName: string;
  avatarUrl: string | null;
  bio: string | null;
}

/** A creator is an active account with the CREATOR role or a creator profile. */
const isCreator = and(eq(users.status, "ACTIVE"), or(eq(users.role, "CREATOR"), eq(profiles.isCreator, true)));

/** The public face of a creator; undefined for anyone who is not one (or is suspended or deleted). */
export async function findCreator(db: DbOrTx, userId: string): Promise<CreatorAccount | undefined> {
  const [row] = await db
    .select({
      userId: profiles.userId,
      displayName: profiles.displayName,
      avatarUrl: profiles.avatarUrl,
      bio: profiles.bio,
    })
    .from(profiles)
    .innerJoin(users, eq(users.id, profiles.userId))
    .where(and(eq(profiles.userId, userId), isCreator));
  return row;
}

/**
 * A subquery of the user ids whose display name matches `term` (trigram search, see
 * platform/text-search.ts), for another domain's `inArray(column, …)`: one statement, no id lists.
 */
export const userIdsWithNameMatching = (db: DbOrTx, term: string) =>
  db.select({ id: profiles.userId }).from(profiles).where(textMatches(profiles.displayName, term));
