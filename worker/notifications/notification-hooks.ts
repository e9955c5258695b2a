import type { Db } from "../platform/db/client.ts";
import type { Logger } from "../platform/logger.ts";
import { announceGoLive } from "./announce-go-live.ts";
import type { GoLiveMessage } from "./notify-followers-on-live.ts";

/**
 * What the streams domain calls when a stream first goes live: one message on the notify queue.
 * A failed enqueue is logged, never thrown: the stream is live either way.
 */
export function notificationHooksFor(
  db: Db,
  env: { NOTIFY_QUEUE: { send(message: GoLiveMessage): Promise<unknown> } },
  logger: Logger,
) {
  return {
    onWentLive: async (stream: { id: string; creatorId: string; title: string }): Promise<void> => {
      try {
        await announceGoLive(
          db,
          { streamId: stream.id, creatorId: stream.creatorId, title: stream.title },
          {
            enqueue: async (m) => {
              await env.NOTIFY_QUEUE.send(m);
            },
          },
        );
      } catch (error) {
        logger.error("go-live announcement failed", { streamId: stream.id, error });
      }
    },
  };
}
