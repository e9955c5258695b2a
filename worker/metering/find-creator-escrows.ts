import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { viewingSessions } from "./metering.schema.ts";

/** How long after its end a session's escrow may still hold money: the final settlement retries on the object's alarm. */
const SETTLEMENT_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * The escrow accounts of a creator's viewing sessions that may not be settled yet: the active
 * ones and those ended within the grace period (an ended session is settled by its object at
 * once, and retried until it is). By viewing_session_creator_ended_idx.
 */
export async function findCreatorOpenEscrows(db: DbOrTx, creatorId: string, now = new Date()): Promise<string[]> {
  const rows = await db
    .select({ escrowWalletId: viewingSessions.escrowWalletId })
    .from(viewingSessions)
    .where(
      and(
        eq(viewingSessions.creatorId, creatorId),
        or(isNull(viewingSessions.endedAt), gt(viewingSessions.endedAt, new Date(now.getTime() - SETTLEMENT_GRACE_MS))),
      ),
    );
  return rows.map((r) => r.escrowWalletId);
}
