import { and, count, eq, sql, type SQL } from "drizzle-orm";
import type { SessionEndReason } from "../../contracts/metering.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { setViewerCount } from "../streams/index.ts";
import { type ViewingSession, viewingSessions } from "./metering.schema.ts";

export async function findViewingSession(db: DbOrTx, sessionId: string): Promise<ViewingSession | undefined> {
  const [row] = await db.select().from(viewingSessions).where(eq(viewingSessions.id, sessionId));
  return row;
}

/** Whether this viewing may be in the stream's room: the LiveKit webhook and reconcile ask. */
export async function isViewingActive(db: DbOrTx, input: { sessionId: string; streamId: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: viewingSessions.id })
    .from(viewingSessions)
    .where(
      and(
        eq(viewingSessions.id, input.sessionId),
        eq(viewingSessions.streamId, input.streamId),
        eq(viewingSessions.status, "ACTIVE"),
      ),
    );
  return row !== undefined;
}

/**
 * The condition a tick's booking statement checks (bookMeterTick's onlyIf): the viewing is still
 * ACTIVE and its stream LIVE in Postgres now, not in the session object's few-seconds-old copy.
 * A takedown or an end commits its status first, so no tick books after that instant.
 */
export function viewingStillLive(sessionId: string): SQL {
  return sql`exists (select 1 from ${viewingSessions} v join stream s on s.id = v.stream_id
    where v.id = ${sessionId}::uuid and v.status = 'ACTIVE' and s.status = 'LIVE')`;
}

/** Ends a session if it is still ACTIVE; true when this call ended it. */
export async function closeViewingSession(
  db: DbOrTx,
  input: { sessionId: string; status: "EXHAUSTED" | "ENDED"; reason: SessionEndReason },
): Promise<boolean> {
  const ended = await db
    .update(viewingSessions)
    .set({ status: input.status, endReason: input.reason, endedAt: new Date() })
    .where(and(eq(viewingSessions.id, input.sessionId), eq(viewingSessions.status, "ACTIVE")))
    .returning({ id: viewingSessions.id });
  return ended.length > 0;
}

/** Ends every active session of a stream at once (takedown, end of stream); returns their ids. */
export async function closeStreamViewingSessions(
  db: DbOrTx,
  input: { streamId: string; reason: SessionEndReason },
): Promise<string[]> {
  const ended = await db
    .update(viewingSessions)
    .set({ status: "ENDED", endReason: input.reason, endedAt: new Date() })
    .where(and(eq(viewingSessions.streamId, input.streamId), eq(viewingSessions.status, "ACTIVE")))
    .returning({ id: viewingSessions.id });
  return ended.map((r) => r.id);
}

/** Active sessions of one user on one stream (a new one replaces them: one paid viewing per stream). */
export async function findActiveSessionsOf(
  db: DbOrTx,
  input: { userId: string; streamId: string },
): Promise<ViewingSession[]> {
  return db
    .select()
    .from(viewingSessions)
    .where(
      and(
        eq(viewingSessions.userId, input.userId),
        eq(viewingSessions.streamId, input.streamId),
        eq(viewingSessions.status, "ACTIVE"),
      ),
    );
}

/** Recounts the stream's active paid viewings and stores the count on the stream. */
export async function refreshViewerCount(db: DbOrTx, streamId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(viewingSessions)
    .where(and(eq(viewingSessions.streamId, streamId), eq(viewingSessions.status, "ACTIVE")));
  const n = row?.n ?? 0;
  await setViewerCount(db, { streamId, count: n });
  return n;
}
