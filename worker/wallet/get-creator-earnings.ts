import { and, eq, inArray, sql, sum } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows, int8 } from "../platform/db/execute-rows.ts";
import { type ReferenceType, wallets } from "./wallet.schema.ts";

export interface CreatorEarnings {
  /** Millicredits: the sum of every entry of the creator's CREATOR_EARNINGS account. */
  total: bigint;
  /** Millicredits still in the given SESSION_ESCROW accounts. */
  pending: bigint;
  /** "YYYY-MM" (UTC, when the entry was booked), oldest first. */
  byMonth: { month: string; amount: bigint }[];
  /** Settlement shares by the stream their metadata names (null: none named), largest first. */
  byStream: { streamId: string | null; amount: bigint }[];
  byReferenceType: { referenceType: ReferenceType; amount: bigint }[];
}

const rowSchema = z.object({
  g_month: z.coerce.number(),
  g_ref: z.coerce.number(),
  month: z.string().nullable(),
  ref: z.enum(["PAYMENT", "METER_EVENT", "REFUND", "ADMIN"]).nullable(),
  stream_id: z.string().nullable(),
  amount: int8,
});

/**
 * The creator's earnings account read in one pass (grouping sets over the wallet's entries,
 * by ledger_entry_wallet_created_idx): total, by month, by reference type and, for the
 * settlements (reference METER_EVENT), by the stream settleSessionEscrow wrote into their
 * metadata. `pending` is the balance of the escrow accounts the caller names (the creator's
 * unsettled viewing sessions: only metering knows which those are).
 */
export async function getCreatorEarnings(
  db: DbOrTx,
  input: { creatorId: string; escrowWalletIds: readonly string[] },
): Promise<CreatorEarnings> {
  const rows = (
    await executeRows(
      db,
      sql`with x as (
        select to_char(e.created_at at time zone 'UTC', 'YYYY-MM') as month, e.reference_type::text as ref,
          case when e.reference_type = 'METER_EVENT' then e.metadata->>'streamId' end as stream_id, e.amount
        from wallet w join ledger_entry e on e.wallet_id = w.id
        where w.kind = 'CREATOR_EARNINGS' and w.user_id = ${input.creatorId}::uuid
      )
      select grouping(month) as g_month, grouping(ref) as g_ref, month, ref, stream_id, coalesce(sum(amount), 0)::text as amount
      from x group by grouping sets ((month), (ref, stream_id), ())`,
    )
  ).map((row) => rowSchema.parse(row));

  let total = 0n;
  const byMonth: CreatorEarnings["byMonth"] = [];
  const byStream: CreatorEarnings["byStream"] = [];
  const byReference = new Map<ReferenceType, bigint>();
  for (const row of rows) {
    if (row.g_month === 0 && row.month !== null) byMonth.push({ month: row.month, amount: row.amount });
    else if (row.g_ref === 0 && row.ref !== null) {
      byReference.set(row.ref, (byReference.get(row.ref) ?? 0n) + row.amount);
      if (row.ref === "METER_EVENT") byStream.push({ streamId: row.stream_id, amount: row.amount });
    } else total = row.amount;
  }
  byMonth.sort((a, b) => a.month.localeCompare(b.month));
  byStream.sort((a, b) => (a.amount === b.amount ? 0 : a.amount > b.amount ? -1 : 1));
  return {
    total,
    pending: await sumEscrowBalances(db, input.escrowWalletIds),
    byMonth,
    byStream,
    byReferenceType: [...byReference].map(([referenceType, amount]) => ({ referenceType, amount })),
  };
}

async function sumEscrowBalances(db: DbOrTx, ids: readonly string[]): Promise<bigint> {
  if (ids.length === 0) return 0n;
  const [row] = await db
    .select({ total: sum(wallets.balance) })
    .from(wallets)
    .where(and(inArray(wallets.id, [...ids]), eq(wallets.kind, "SESSION_ESCROW")));
  return BigInt(row?.total ?? "0");
}
