import { formatCredits, LOW_BALANCE_MILLIS } from "../../contracts/money.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { createNotifications } from "./create-notifications.ts";

/** True when this debit took the balance from at or above the threshold to below it. */
export const crossedBelow = (input: { balanceAfter: bigint; debited: bigint }, threshold = LOW_BALANCE_MILLIS) =>
  input.debited > 0n && input.balanceAfter < threshold && input.balanceAfter + input.debited >= threshold;

/**
 * Low balance, once per crossing: only the debit that crosses the threshold notifies, and its
 * ledger key (session and interval) names the event, so a replayed tick books nothing twice.
 */
export async function notifyLowBalance(
  db: DbOrTx,
  input: {
    userId: string;
    sessionId: string;
    intervalIndex: number;
    balanceAfter: bigint;
    debited: bigint;
    streamId: string;
  },
): Promise<boolean> {
  if (!crossedBelow(input)) return false;
  const booked = await createNotifications(db, [
    {
      userId: input.userId,
      type: "LOW_BALANCE",
      title: "Your credits are running low",
      body: `${formatCredits(input.balanceAfter)} credits left. Top up to keep watching without a break.`,
      link: "/dashboard/credits",
      metadata: { balance: input.balanceAfter.toString(), streamId: input.streamId },
      dedupeKey: `low-balance:${input.sessionId}:${input.intervalIndex}`,
    },
  ]);
  return booked > 0;
}
