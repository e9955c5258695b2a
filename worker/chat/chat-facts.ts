import { activeRestrictions } from "../moderation/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getWalletBalance } from "../wallet/index.ts";

/** What the gate needs from the database about a sender; the object keeps it ≤ CHAT_GATE_RECHECK_MS. */
export interface SenderFacts {
  balance: bigint;
  ban: { until: Date | null; reason: string | null } | null;
  mute: { until: Date | null; reason: string | null } | null;
}

export async function loadSenderFacts(db: DbOrTx, input: { userId: string; creatorId: string }): Promise<SenderFacts> {
  const { balance } = await getWalletBalance(db, input.userId);
  const { ban, mute } = await activeRestrictions(db, input.userId, { channelId: input.creatorId });
  return {
    balance,
    ban: ban && { until: ban.until, reason: ban.reason },
    mute: mute && { until: mute.until, reason: mute.reason },
  };
}
