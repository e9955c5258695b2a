import { activeRestrictionsOf } from "../moderation/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getWalletBalances } from "../wallet/index.ts";

/** What the gate needs from the database about a sender; the object keeps it ≤ CHAT_GATE_RECHECK_MS. */
export interface SenderFacts {
  balance: bigint;
  ban: { until: Date | null; reason: string | null } | null;
  mute: { until: Date | null; reason: string | null } | null;
}

export async function loadSenderFacts(db: DbOrTx, input: { userId: string; creatorId: string }): Promise<SenderFacts> {
  const facts = await loadSendersFacts(db, { userIds: [input.userId], creatorId: input.creatorId });
  const mine = facts.get(input.userId);
  if (!mine) throw new Error("loadSendersFacts dropped a user");
  return mine;
}

/** Two queries for any number of senders: the object batches the senders it has to look up. */
export async function loadSendersFacts(
  db: DbOrTx,
  input: { userIds: readonly string[]; creatorId: string },
): Promise<Map<string, SenderFacts>> {
  const balances = await getWalletBalances(db, input.userIds);
  const restrictions = await activeRestrictionsOf(db, input.userIds, { channelId: input.creatorId });
  return new Map(
    input.userIds.map((userId) => {
      const r = restrictions.get(userId);
      return [
        userId,
        {
          balance: balances.get(userId) ?? 0n,
          ban: r?.ban ? { until: r.ban.until, reason: r.ban.reason } : null,
          mute: r?.mute ? { until: r.mute.until, reason: r.mute.reason } : null,
        },
      ];
    }),
  );
}
