import { and, desc, eq, or, sql } from "drizzle-orm";
import { formatCents, type PaymentDto } from "../contracts/payments.ts";
import type { DbOrTx } from "../db/client.ts";
import { type Payment, payments, prices } from "../db/schema/index.ts";
import { badRequest } from "../errors.ts";
import { formatCredits } from "../wallet/money.ts";

export function toPaymentDto(p: Payment, priceName: string | null): PaymentDto {
  return {
    id: p.id,
    provider: p.provider,
    status: p.status,
    amount: formatCents(p.amountCents),
    refundedAmount: formatCents(p.refundedCents),
    currency: p.currency,
    credits: formatCredits(p.credits),
    priceName,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

const encodeCursor = (p: Payment) => btoa(`${p.createdAt.toISOString()}|${p.id}`);
function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [iso, id] = atob(cursor).split("|");
    const at = new Date(iso ?? "");
    if (!id || Number.isNaN(at.getTime())) throw new Error("bad cursor");
    return { at, id };
  } catch {
    throw badRequest("INVALID_CURSOR", "The cursor is not valid");
  }
}

// Cursors carry milliseconds; compare at that precision so no row falls between pages.
const createdMs = sql`date_trunc('milliseconds', ${payments.createdAt})`;

/** A user's payments, newest first, keyset-paginated. */
export async function listPayments(
  db: DbOrTx,
  options: { userId: string; cursor?: string | undefined; limit: number },
): Promise<{ payments: PaymentDto[]; nextCursor: string | null }> {
  const after = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await db
    .select({ payment: payments, priceName: prices.name })
    .from(payments)
    .leftJoin(prices, eq(prices.id, payments.priceId))
    .where(
      and(
        eq(payments.userId, options.userId),
        after
          ? sql`(${createdMs}, ${payments.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(createdMs), desc(payments.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    payments: page.map((r) => toPaymentDto(r.payment, r.priceName)),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.payment) : null,
  };
}

export async function getOwnPayment(db: DbOrTx, options: { userId: string; paymentId: string }) {
  const [row] = await db
    .select({ payment: payments, priceName: prices.name })
    .from(payments)
    .leftJoin(prices, eq(prices.id, payments.priceId))
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId)));
  return row;
}

/** The payment a provider's return redirect names: by our id (dev checkout) or the provider's session id. */
export async function findReturnedPayment(db: DbOrTx, options: { userId: string; ref: string }) {
  const byId = /^[0-9a-f-]{36}$/i.test(options.ref) ? eq(payments.id, options.ref) : undefined;
  const byRef = eq(payments.providerRef, options.ref);
  const [p] = await db
    .select({ id: payments.id, status: payments.status })
    .from(payments)
    .where(and(eq(payments.userId, options.userId), byId ? or(byId, byRef) : byRef));
  return p;
}
