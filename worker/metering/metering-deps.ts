import type { Context } from "hono";
import type { SessionEndReason } from "../../contracts/metering.ts";
import type { Db } from "../platform/db/client.ts";
import type { AppEnv } from "../platform/types.ts";
import { closeStreamViewingSessions, isViewingActive } from "./viewing-sessions.ts";

/** The ViewerSession object of a session, by name: every call for it reaches the same object. */
export function viewerSessionObject(env: Env, sessionId: string) {
  return env.VIEWER_SESSION.get(env.VIEWER_SESSION.idFromName(sessionId));
}

/**
 * What the streams domain needs from metering, as plain functions: ending a stream closes every
 * viewing session in one UPDATE (no debit after that instant), then tells each object, which
 * removes the viewer from the room and settles the escrow.
 */
export function meteringHooks(c: Context<AppEnv>) {
  return meteringHooksFor(c.var.db, c.env);
}

export function meteringHooksFor(db: Db, env: Env) {
  return {
    isViewingActive: (sessionId: string, streamId: string) => isViewingActive(db, { sessionId, streamId }),
    endViewingSessions: async (streamId: string, reason: SessionEndReason = "stream_ended") => {
      const ids = await closeStreamViewingSessions(db, { streamId, reason });
      await Promise.all(ids.map((id) => viewerSessionObject(env, id).end(reason)));
    },
  };
}
