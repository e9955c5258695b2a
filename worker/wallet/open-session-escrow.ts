import type { DbOrTx } from "../platform/db/client.ts";
import { wallets } from "./wallet.schema.ts";

export interface OpenSessionEscrowInput {
  /** The viewing session this escrow will hold ticks for (viewing_session.escrow_wallet_id links them). */
  sessionId: string;
}

/**
 * A fresh SESSION_ESCROW account (no owner, balance 0) for one viewing session: its ticks are
 * debited into it, so a tick touches only the viewer's and the session's rows, and
 * settleSessionEscrow moves the money on to the creator and the platform in batches.
 * Call it inside the transaction that inserts the viewing_session row. The wallet table has
 * no column for the session id; the link lives on viewing_session.
 */
export async function openSessionEscrow(db: DbOrTx, input: OpenSessionEscrowInput): Promise<string> {
  const [row] = await db.insert(wallets).values({ kind: "SESSION_ESCROW" }).returning({ id: wallets.id });
  if (!row) throw new Error(`openSessionEscrow(${input.sessionId}): insert returned no row`);
  return row.id;
}
