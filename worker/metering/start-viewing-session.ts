import { formatCredits } from "../../contracts/money.ts";
import type { Db } from "../platform/db/client.ts";
import { AppError, notFound } from "../platform/errors.ts";
import { checkStreamRestricted, streamRestrictedError } from "../moderation/index.ts";
import { findStream, type LiveKit, roomName, viewerIdentity } from "../streams/index.ts";
import { getWalletBalance, openSessionEscrow } from "../wallet/index.ts";
import { viewingSessions, type ViewingSession } from "./metering.schema.ts";
import { getMeteringSettings, meteringRateFor } from "./metering-rates.ts";
import { debitFor } from "./tick-rules.ts";
import { closeViewingSession, findActiveSessionsOf, refreshViewerCount } from "./viewing-sessions.ts";

/** A viewer's LiveKit token lives 2 minutes: enough to join; LiveKit refreshes it while connected. */
export const VIEWER_TOKEN_TTL_SECONDS = 120;

export interface StartedViewing {
  session: ViewingSession;
  token: string;
  roomName: string;
  /** Millicredits the viewer needed to start. */
  minimumBalance: bigint;
  balance: bigint;
  /** Sessions of this viewer on this stream that the new one replaced (their objects must end). */
  replaced: string[];
}

/**
 * POST /api/streams/:id/session: the stream must be LIVE and the viewer must hold at least one
 * interval's price (or the configured minimum, if higher), else 402 with the amount needed.
 * The session, its escrow account and its subscribe-only token are created together.
 */
export async function startViewingSession(
  db: Db,
  input: { userId: string; streamId: string; displayName: string },
  deps: { livekit: LiveKit; intervalMs: number; feeBps: number },
): Promise<StartedViewing> {
  const stream = await findStream(db, input.streamId);
  if (!stream) throw notFound("Stream");
  if (stream.status !== "LIVE") throw new AppError("STREAM_NOT_LIVE", 409, "This stream is not live right now");
  const restricted = await checkStreamRestricted(db, { stream, userId: input.userId });
  if (restricted) throw streamRestrictedError(restricted);
  const settings = await getMeteringSettings(db);
  const ratePerMinute = meteringRateFor(settings, stream);
  const intervalPrice = debitFor(ratePerMinute, deps.intervalMs);
  const needed = intervalPrice > settings.minimumBalance ? intervalPrice : settings.minimumBalance;
  const { balance } = await getWalletBalance(db, input.userId);
  if (balance < needed || balance <= 0n) {
    throw new AppError("INSUFFICIENT_CREDITS", 402, `You need ${formatCredits(needed)} credits to start watching`, {
      needed: formatCredits(needed),
      balance: formatCredits(balance),
    });
  }
  const replaced: string[] = [];
  for (const old of await findActiveSessionsOf(db, input)) {
    if (await closeViewingSession(db, { sessionId: old.id, status: "ENDED", reason: "replaced" }))
      replaced.push(old.id);
  }
  const sessionId = crypto.randomUUID();
  const identity = viewerIdentity(sessionId);
  const session = await db.transaction(async (tx) => {
    const escrowWalletId = await openSessionEscrow(tx, { sessionId });
    const [row] = await tx
      .insert(viewingSessions)
      .values({
        id: sessionId,
        userId: input.userId,
        streamId: stream.id,
        creatorId: stream.creatorId,
        identity,
        escrowWalletId,
        ratePerMinute,
        intervalMs: deps.intervalMs,
        feeBps: deps.feeBps,
      })
      .returning();
    if (!row) throw new Error("startViewingSession: insert returned no row");
    return row;
  });
  await refreshViewerCount(db, stream.id);
  const room = roomName(stream.id);
  const token = await deps.livekit.viewerToken({
    room,
    identity,
    name: input.displayName,
    ttlSeconds: VIEWER_TOKEN_TTL_SECONDS,
  });
  return { session, token, roomName: room, minimumBalance: needed, balance, replaced };
}
