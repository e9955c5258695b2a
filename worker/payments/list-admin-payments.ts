import { and, count, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import type { AdminPaymentKind, AdminPaymentsQuery } from "../../contracts/admin-payments.ts";
import { formatCredits, formatCents } from "../../contracts/money.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { getUserLabels } from "../users/index.ts";
import { payments } from "./payments.schema.ts";

/** Which payments each admin list shows. */
const FILTERS: Record<AdminPaymentKind, SQL | undefined> = {
  failed: eq(payments.status, "FAILED"),
  // Refunded in full (REFUNDED) or in part (still SUCCEEDED or DISPUTED with some refunded).
  refunds: gt(payments.refundedCents, 0n),
  disputes: inArray(payments.status, ["DISPUTED"]),
};

/** GET /api/admin/payments?kind=failed|refunds|disputes: newest change first, page by page. */
export async function listAdminPayments(db: DbOrTx, input: AdminPaymentsQuery) {
  const where = and(FILTERS[input.kind]);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(payments)
      .where(where)
      .orderBy(desc(payments.updatedAt), desc(payments.id))
      .limit(input.limit)
      .offset((input.page - 1) * input.limit),
    db.select({ n: count() }).from(payments).where(where),
  ]);
  const labels = await getUserLabels(
    db,
    rows.map((r) => r.userId),
  );
  return {
    payments: rows.map((r) => ({
      id: r.id,
      user: { id: r.userId, email: labels.get(r.userId)?.email ?? null },
      provider: r.provider,
      status: r.status,
      amount: formatCents(r.amountCents),
      refundedAmount: formatCents(r.refundedCents),
      currency: r.currency,
      credits: formatCredits(r.credits),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: total?.n ?? 0,
    page: input.page,
    limit: input.limit,
  };
}
