import type { CreatorEarningsDto, EarningsSource } from "../../contracts/creators.ts";
import { formatCredits } from "../../contracts/money.ts";
import { findCreatorOpenEscrows } from "../metering/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getCreatorEarnings as readEarnings } from "../wallet/index.ts";
import { findStreamTitles } from "../streams/index.ts";

const SOURCE_OF = {
  METER_EVENT: "METERING",
  ADMIN: "ADJUSTMENT",
  REFUND: "REFUND",
  PAYMENT: "PAYMENT",
} as const satisfies Record<string, EarningsSource>;

/** GET /api/creator/earnings: the caller's earnings account, and what their viewers' escrows still hold. */
export async function getCreatorEarnings(db: DbOrTx, creatorId: string): Promise<CreatorEarningsDto> {
  const escrowWalletIds = await findCreatorOpenEscrows(db, creatorId);
  const earnings = await readEarnings(db, { creatorId, escrowWalletIds });
  const titles = await findStreamTitles(
    db,
    earnings.byStream.flatMap((s) => (s.streamId ? [s.streamId] : [])),
  );
  return {
    total: formatCredits(earnings.total),
    pending: formatCredits(earnings.pending),
    byMonth: earnings.byMonth.map((m) => ({ month: m.month, amount: formatCredits(m.amount) })),
    byStream: earnings.byStream.map((s) => ({
      streamId: s.streamId,
      title: s.streamId ? (titles.get(s.streamId) ?? null) : null,
      amount: formatCredits(s.amount),
    })),
    bySource: earnings.byReferenceType.map((r) => ({
      source: SOURCE_OF[r.referenceType],
      amount: formatCredits(r.amount),
    })),
  };
}
