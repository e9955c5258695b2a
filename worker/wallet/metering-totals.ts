import { and, countDistinct, eq, gte, inArray, lt, sql, sum, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerEntries, meterEvents, wallets } from "./wallet.schema.ts";

export interface MeteringTotals {
  /** Millicredits debited from viewers by metering ticks. */
  totalDebited: bigint;
  uniqueViewers: number;
  /** Sessions that booked at least one interval. */
  sessions: number;
  /** Playback billed, ms. */
  playbackMs: bigint;
  /** Millicredits settled to creators' earnings and to platform revenue. */
  creatorEarnings: bigint;
  platformRevenue: bigint;
}

/**
 * Metering as the ledger recorded it, over [from, to) and optionally one stream or a set of
 * streams (`streamIds`, e.g. one creator's: an empty set books nothing).
 */
export async function getMeteringTotals(
  db: DbOrTx,
  input: {
    from?: Date | undefined;
    to?: Date | undefined;
    streamId?: string | undefined;
    streamIds?: readonly string[] | undefined;
  },
): Promise<MeteringTotals> {
  if (input.streamIds?.length === 0) {
    return {
      totalDebited: 0n,
      uniqueViewers: 0,
      sessions: 0,
      playbackMs: 0n,
      creatorEarnings: 0n,
      platformRevenue: 0n,
    };
  }
  const meterWhere: (SQL | undefined)[] = [
    input.from ? gte(meterEvents.createdAt, input.from) : undefined,
    input.to ? lt(meterEvents.createdAt, input.to) : undefined,
    input.streamId ? eq(meterEvents.streamId, input.streamId) : undefined,
    input.streamIds ? inArray(meterEvents.streamId, [...input.streamIds]) : undefined,
  ];
  const [ticks] = await db
    .select({
      debited: sum(meterEvents.creditsDebited),
      viewers: countDistinct(meterEvents.userId),
      sessions: countDistinct(meterEvents.sessionId),
      playback: sum(meterEvents.playbackMs),
    })
    .from(meterEvents)
    .where(and(...meterWhere));
  const settledWhere: (SQL | undefined)[] = [
    eq(ledgerEntries.referenceType, "METER_EVENT"),
    inArray(wallets.kind, ["CREATOR_EARNINGS", "PLATFORM_REVENUE"]),
    input.from ? gte(ledgerEntries.createdAt, input.from) : undefined,
    input.to ? lt(ledgerEntries.createdAt, input.to) : undefined,
    input.streamId ? sql`${ledgerEntries.metadata}->>'streamId' = ${input.streamId}` : undefined,
    input.streamIds ? inArray(sql`${ledgerEntries.metadata}->>'streamId'`, [...input.streamIds]) : undefined,
  ];
  const settled = await db
    .select({ kind: wallets.kind, total: sum(ledgerEntries.amount) })
    .from(ledgerEntries)
    .innerJoin(wallets, eq(wallets.id, ledgerEntries.walletId))
    .where(and(...settledWhere))
    .groupBy(wallets.kind);
  const of = (kind: string) => BigInt(settled.find((s) => s.kind === kind)?.total ?? "0");
  return {
    totalDebited: BigInt(ticks?.debited ?? "0"),
    uniqueViewers: ticks?.viewers ?? 0,
    sessions: ticks?.sessions ?? 0,
    playbackMs: BigInt(ticks?.playback ?? "0"),
    creatorEarnings: of("CREATOR_EARNINGS"),
    platformRevenue: of("PLATFORM_REVENUE"),
  };
}
