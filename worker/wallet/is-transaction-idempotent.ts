import { eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { ledgerTransfers } from "./wallet.schema.ts";

/** True when a transfer already holds this key, so replaying it would book nothing. */
export async function isTransactionIdempotent(db: DbOrTx, idempotencyKey: string): Promise<boolean> {
  const [row] = await db
    .select({ id: ledgerTransfers.id })
    .from(ledgerTransfers)
    .where(eq(ledgerTransfers.idempotencyKey, idempotencyKey));
  return row !== undefined;
}
