import { and, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { payments } from "./payments.schema.ts";

/** How many of the user's payments still await the provider (shown beside the balance). */
export async function countPendingPayments(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(payments)
    .where(and(eq(payments.userId, userId), eq(payments.status, "PENDING")));
  return row?.n ?? 0;
}
