import type { CreatorProfileDto } from "../../contracts/creators.ts";
import { countFollowers, isFollowing } from "../follows/index.ts";
import { getMeteringRates } from "../metering/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { notFound } from "../platform/errors.ts";
import { findCurrentStreams, getBroadcastStreamIds, listStreams, toStreamDtos } from "../streams/index.ts";
import { findCreator } from "../users/index.ts";
import { getMeteringTotals } from "../wallet/index.ts";

const PAST_STREAMS = 20;

/** A creator's public profile; 404 for anyone who is not a creator. `viewerId`: the signed-in caller. */
export async function getCreatorProfile(
  db: DbOrTx,
  input: { creatorId: string; viewerId: string | undefined },
): Promise<CreatorProfileDto> {
  const creator = await findCreator(db, input.creatorId);
  if (!creator) throw notFound("Creator");
  const [followerCount, following, streamIds, current, past] = await Promise.all([
    countFollowers(db, creator.userId),
    input.viewerId ? isFollowing(db, input.viewerId, creator.userId) : null,
    getBroadcastStreamIds(db, creator.userId),
    findCurrentStreams(db, [creator.userId]),
    listStreams(db, { status: "ended", creatorId: creator.userId, limit: PAST_STREAMS }),
  ]);
  // Watch time is what metering booked on the ledger side: asked of the wallet, never recounted here.
  const totals = await getMeteringTotals(db, { streamIds });
  const live = current.get(creator.userId);
  const rows = live ? [live, ...past.streams] : past.streams;
  const dtos = await toStreamDtos(db, rows, await getMeteringRates(db, rows));
  const liveDto = live ? (dtos.shift() ?? null) : null;
  return {
    creator: {
      id: creator.userId,
      displayName: creator.displayName,
      avatarUrl: creator.avatarUrl,
      bio: creator.bio,
      followerCount,
      totalStreams: streamIds.length,
      totalWatchSeconds: Number(totals.playbackMs / 1000n),
      following,
    },
    liveStream: liveDto,
    pastStreams: { streams: dtos, nextCursor: past.nextCursor },
  };
}
