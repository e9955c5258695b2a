import type { DbOrTx } from "../platform/db/client.ts";
import { getPublicProfiles } from "../users/index.ts";
import type { GoLiveMessage } from "./notify-followers-on-live.ts";

/**
 * A creator went live: one message on the notify queue, whatever the follower count (the
 * consumer expands the followers). Called once the LIVE status is committed.
 */
export async function announceGoLive(
  db: DbOrTx,
  input: { streamId: string; creatorId: string; title: string },
  deps: { enqueue: (message: GoLiveMessage) => Promise<void> },
): Promise<void> {
  const name = (await getPublicProfiles(db, [input.creatorId])).get(input.creatorId)?.displayName ?? "A creator";
  await deps.enqueue({
    kind: "stream_live",
    streamId: input.streamId,
    creatorId: input.creatorId,
    creatorName: name,
    title: input.title,
  });
}
