import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { badRequest, notFound } from "../platform/errors.ts";
import { createNotifications } from "../notifications/index.ts";
import { findCreator, getPublicProfiles } from "../users/index.ts";
import { follows } from "./follows.schema.ts";

export interface FollowState {
  following: boolean;
  followerCount: number;
}

export async function countFollowers(db: DbOrTx, creatorId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(follows).where(eq(follows.creatorId, creatorId));
  return row?.n ?? 0;
}

/**
 * Follows (or, with `follow: false`, unfollows) a creator. Idempotent: the unique
 * (user_id, creator_id) constraint makes a repeated follow a no-op, not a second row.
 */
export async function setFollowing(
  db: DbOrTx,
  input: { userId: string; creatorId: string; follow: boolean },
): Promise<FollowState> {
  if (input.userId === input.creatorId) throw badRequest("CANNOT_FOLLOW_SELF", "You cannot follow yourself");
  if (input.follow) {
    if (!(await findCreator(db, input.creatorId))) throw notFound("Creator");
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(follows)
        .values({ userId: input.userId, creatorId: input.creatorId })
        .onConflictDoNothing({ target: [follows.userId, follows.creatorId] })
        .returning({ id: follows.id });
      if (inserted.length > 0) await notifyNewFollower(tx, input);
    });
  } else {
    // Unfollowing needs no creator check: whoever it was (even a since-demoted creator) can be let go.
    await db.delete(follows).where(and(eq(follows.userId, input.userId), eq(follows.creatorId, input.creatorId)));
  }
  return { following: input.follow, followerCount: await countFollowers(db, input.creatorId) };
}

/** The creator hears of a new follower once per follower: unfollowing and following again is not news. */
async function notifyNewFollower(db: DbOrTx, input: { userId: string; creatorId: string }): Promise<void> {
  const name = (await getPublicProfiles(db, [input.userId])).get(input.userId)?.displayName ?? "Someone";
  await createNotifications(db, [
    {
      userId: input.creatorId,
      type: "FOLLOW",
      title: `${name} followed you`,
      link: `/creator/${input.creatorId}`,
      metadata: { followerId: input.userId },
      dedupeKey: `follow:${input.userId}`,
    },
  ]);
}
