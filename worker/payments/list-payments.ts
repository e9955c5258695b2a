import { and, desc, eq, or, sql } from "drizzle-orm";
import { formatCents } from "../../contracts/money.ts";
import { type PaymentDto } from "../../contracts/payments.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { type Payment, payments } from "./payments.schema.ts";
import { getPriceNames } from "../prices/index.ts";
import { decodeCursorText, invalidCursor, isUuid, parseIsoInstant } from "../platform/cursor.ts";
import { formatCredits } from "../../contracts/money.ts";

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
  const [iso, id, ...rest] = decodeCursorText(cursor).split("|");
  const at = parseIsoInstant(iso ?? "");
  if (!at || !isUuid(id) || rest.length > 0) throw invalidCursor();
  return { at, id };
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
    .select()
    .from(payments)
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
  const names = await getPriceNames(
    db,
    page.flatMap((p) => (p.priceId ? [p.priceId] : [])),
  );
  return {
    payments: page.map((p) => toPaymentDto(p, p.priceId ? (names.get(p.priceId) ?? null) : null)),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null,
  };
}

export async function getOwnPayment(db: DbOrTx, options: { userId: string; paymentId: string }) {
  const [payment] = await db
    .select()
    .from(payments)
    .where(and(eq(payments.id, options.paymentId), eq(payments.userId, options.userId)));
  if (!payment) return undefined;
  const names = payment.priceId ? await getPriceNames(db, [payment.priceId]) : new Map<string, string>();
  return { payment, priceName: payment.priceId ? (names.get(payment.priceId) ?? null) : null };
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
