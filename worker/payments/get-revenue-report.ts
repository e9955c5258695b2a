import { and, count, gte, inArray, lt, sql, sum } from "drizzle-orm";
import { z } from "zod";
import type { RevenueGroup, RevenueReport } from "../../contracts/admin-payments.ts";
import { formatCents } from "../../contracts/money.ts";
import { PAYMENT_PROVIDERS, type PaymentProvider } from "../../contracts/payments.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { type DayRange, periodStart } from "../platform/day-range.ts";
import { payments } from "./payments.schema.ts";

/** Payments that were paid: still succeeded, or later refunded or disputed (their refunds are subtracted). */
const COMPLETED = ["SUCCEEDED", "REFUNDED", "DISPUTED"] as const;

const rowSchema = z.object({
  period: z.string(),
  provider: z.enum(PAYMENT_PROVIDERS),
  gross: z.coerce.bigint(),
  refunded: z.coerce.bigint(),
  payments: z.coerce.number(),
});

interface Figures {
  gross: bigint;
  refunded: bigint;
  payments: number;
}
const zero = (): Figures => ({ gross: 0n, refunded: 0n, payments: 0 });
const add = (into: Figures, row: Figures) => {
  into.gross += row.gross;
  into.refunded += row.refunded;
  into.payments += row.payments;
};
const toDto = (f: Figures) => ({
  gross: formatCents(f.gross),
  refunded: formatCents(f.refunded),
  net: formatCents(f.gross - f.refunded),
  payments: f.payments,
});

/**
 * GET /api/admin/analytics/revenue: what completed payments charged, per day, ISO week or month
 * of their creation (UTC) and per provider, with what was refunded of them. Amounts are the
 * payments' minor units as decimals (one currency: the price list's).
 */
export async function getRevenueReport(
  db: DbOrTx,
  input: { range: DayRange; groupBy: RevenueGroup },
): Promise<RevenueReport> {
  const unit = sql.raw(`'${input.groupBy}'`);
  const period = sql<string>`to_char(date_trunc(${unit}, ${payments.createdAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      period,
      provider: payments.provider,
      gross: sql<string>`coalesce(${sum(payments.amountCents)}, 0)::text`,
      refunded: sql<string>`coalesce(${sum(payments.refundedCents)}, 0)::text`,
      payments: count(),
    })
    .from(payments)
    .where(
      and(
        inArray(payments.status, [...COMPLETED]),
        gte(payments.createdAt, input.range.from),
        lt(payments.createdAt, input.range.to),
      ),
    )
    .groupBy(sql`1`, payments.provider);

  const totals = zero();
  const providers = new Map<PaymentProvider, Figures>(PAYMENT_PROVIDERS.map((p) => [p, zero()]));
  const buckets = new Map<string, { all: Figures; byProvider: Map<PaymentProvider, bigint> }>();
  for (const day of input.range.days) {
    const start = periodStart(day, input.groupBy);
    if (!buckets.has(start)) buckets.set(start, { all: zero(), byProvider: new Map() });
  }
  for (const raw of rows) {
    const row = rowSchema.parse(raw);
    add(totals, row);
    const provider = providers.get(row.provider);
    if (provider) add(provider, row);
    const bucket = buckets.get(row.period);
    if (!bucket) throw new Error(`getRevenueReport: period ${row.period} outside the range`);
    add(bucket.all, row);
    bucket.byProvider.set(row.provider, (bucket.byProvider.get(row.provider) ?? 0n) + row.gross);
  }
  return {
    range: { start: input.range.start, end: input.range.end },
    groupBy: input.groupBy,
    totals: toDto(totals),
    providers: PAYMENT_PROVIDERS.map((provider) => ({ provider, ...toDto(providers.get(provider) ?? zero()) })),
    buckets: [...buckets].map(([start, b]) => ({
      period: start,
      gross: formatCents(b.all.gross),
      byProvider: {
        STRIPE: formatCents(b.byProvider.get("STRIPE") ?? 0n),
        COINBASE: formatCents(b.byProvider.get("COINBASE") ?? 0n),
      },
      payments: b.all.payments,
    })),
  };
}
