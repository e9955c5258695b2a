import { desc } from "drizzle-orm";
import type { DbOrTx } from "../platform/db/client.ts";
import { payments, type Payment } from "./payments.schema.ts";

export type RecentPayment = Pick<
  Payment,
  "id" | "userId" | "provider" | "status" | "amountCents" | "currency" | "credits" | "createdAt"
>;

/** The newest payments of everybody, newest first (admin activity feed). */
export async function listRecentPayments(db: DbOrTx, options: { limit: number }): Promise<RecentPayment[]> {
  return db
    .select({
      id: payments.id,
      userId: payments.userId,
      provider: payments.provider,
      status: payments.status,
      amountCents: payments.amountCents,
      currency: payments.currency,
      credits: payments.credits,
      createdAt: payments.createdAt,
    })
    .from(payments)
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(options.limit);
}
