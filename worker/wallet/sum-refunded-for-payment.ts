import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerEntries } from "./wallet.schema.ts";

/** Millicredits already taken back from a user's wallet for one payment's refunds (clawbacks). */
export async function sumRefundedForPayment(db: DbOrTx, input: { userId: string; paymentId: string }): Promise<bigint> {
  const [row] = await db
    .select({ taken: sql<string>`coalesce(sum(-${ledgerEntries.amount}), 0)` })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.userId, input.userId),
        eq(ledgerEntries.referenceType, "REFUND"),
        sql`${ledgerEntries.metadata}->>'paymentId' = ${input.paymentId}`,
      ),
    );
  return BigInt(row?.taken ?? "0");
}
