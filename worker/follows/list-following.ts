import { desc, eq } from "drizzle-orm";
import type { FollowedCreatorDto } from "../../contracts/follows.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { findCurrentStreams } from "../streams/index.ts";
import { getPublicProfiles } from "../users/index.ts";
import { follows } from "./follows.schema.ts";

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The creators `userId` follows: those live now first, then the rest; each group by name. */
export async function listFollowing(db: DbOrTx, userId: string): Promise<FollowedCreatorDto[]> {
  const rows = await db
    .select({ creatorId: follows.creatorId, createdAt: follows.createdAt })
    .from(follows)
    .where(eq(follows.userId, userId))
    .orderBy(desc(follows.createdAt));
  const ids = rows.map((r) => r.creatorId);
  const [profiles, live] = await Promise.all([getPublicProfiles(db, ids), findCurrentStreams(db, ids)]);
  const creators = rows.map((r): FollowedCreatorDto => {
    const profile = profiles.get(r.creatorId);
    const stream = live.get(r.creatorId);
    return {
      id: r.creatorId,
      displayName: profile?.displayName ?? "Creator",
      avatarUrl: profile?.avatarUrl ?? null,
      followedAt: r.createdAt.toISOString(),
      live: stream ? { streamId: stream.id, title: stream.title, viewerCount: stream.viewerCount } : null,
    };
  });
  return creators.sort(
    (a, b) =>
      Number(b.live !== null) - Number(a.live !== null) ||
      byName.compare(a.displayName, b.displayName) ||
      a.id.localeCompare(b.id),
  );
}
