import type { ActivityItem, AdminOverview } from "../../contracts/overview.ts";
import { formatCredits } from "../../contracts/money.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { listAuditLogs } from "../platform/audit/list-audit-logs.ts";
import { listRecentPayments } from "../payments/index.ts";
import { getLiveTotals } from "../streams/index.ts";
import { countUsers, getUserLabels, listRecentSignups } from "../users/index.ts";
import { sumPlatformRevenue } from "../wallet/index.ts";
import { overviewPeriods } from "./overview-periods.ts";
import { percentChange } from "./percent-change.ts";

/** How many rows of each source the activity feed reads, and how many it shows. */
const FEED_SOURCE_ROWS = 10;
const FEED_ROWS = 15;

/**
 * GET /api/admin/overview: the console's front page from each domain's front door. Reads run one
 * after another on the request's one connection; none of them scans more than an index range.
 */
export async function getAdminOverview(db: DbOrTx, deps: { now?: Date } = {}): Promise<AdminOverview> {
  const now = deps.now ?? new Date();
  const periods = overviewPeriods(now);

  const total = await countUsers(db);
  const newToday = await countUsers(db, { createdFrom: periods.today.from, createdTo: periods.today.to });
  const newYesterday = await countUsers(db, {
    createdFrom: periods.yesterday.from,
    createdTo: periods.yesterday.to,
  });
  const live = await getLiveTotals(db);
  const revenue = async (current: { from: Date; to: Date }, previous: { from: Date; to: Date }) => {
    const amount = await sumPlatformRevenue(db, current);
    const before = await sumPlatformRevenue(db, previous);
    return {
      millicredits: amount.toString(),
      previousMillicredits: before.toString(),
      change: percentChange(amount, before),
    };
  };
  const today = await revenue(periods.today, periods.yesterday);
  const month = await revenue(periods.month, periods.previousMonth);

  return {
    generatedAt: now.toISOString(),
    users: { total, newToday, change: percentChange(BigInt(newToday), BigInt(newYesterday)) },
    live: { streams: live.liveStreams, viewers: live.viewers },
    revenue: { today, month },
    activity: await recentActivity(db),
  };
}

async function recentActivity(db: DbOrTx): Promise<ActivityItem[]> {
  const audit = await listAuditLogs(db, { limit: FEED_SOURCE_ROWS });
  const signups = await listRecentSignups(db, { limit: FEED_SOURCE_ROWS });
  const payments = await listRecentPayments(db, { limit: FEED_SOURCE_ROWS });
  const labels = await getUserLabels(db, [
    ...audit.entries.flatMap((entry) => (entry.actorId ? [entry.actorId] : [])),
    ...payments.map((payment) => payment.userId),
  ]);
  const nameOf = (userId: string | null) => (userId ? (labels.get(userId)?.email ?? "unknown user") : "system");

  const items: (ActivityItem & { sortAt: Date })[] = [
    ...audit.entries.map((entry) => ({
      kind: "audit" as const,
      id: entry.id,
      at: entry.createdAt.toISOString(),
      sortAt: entry.createdAt,
      title: entry.action,
      detail: `${nameOf(entry.actorId)} · ${entry.targetType} ${entry.targetId}`,
      href: `/admin/audit-log?targetType=${encodeURIComponent(entry.targetType)}&targetId=${encodeURIComponent(entry.targetId)}`,
    })),
    ...signups.map((signup) => ({
      kind: "signup" as const,
      id: signup.userId,
      at: signup.createdAt.toISOString(),
      sortAt: signup.createdAt,
      title: "New account",
      detail: signup.displayName ? `${signup.displayName} · ${signup.email}` : signup.email,
      href: `/admin/users/${signup.userId}`,
    })),
    ...payments.map((payment) => ({
      kind: "payment" as const,
      id: payment.id,
      at: payment.createdAt.toISOString(),
      sortAt: payment.createdAt,
      title: `Payment ${payment.status.toLowerCase()}`,
      detail: `${nameOf(payment.userId)} · ${formatCredits(payment.credits)} credits (${payment.provider})`,
      href: `/admin/users/${payment.userId}`,
    })),
  ];
  return items
    .sort((a, b) => b.sortAt.getTime() - a.sortAt.getTime())
    .slice(0, FEED_ROWS)
    .map(({ sortAt: _sortAt, ...item }) => item);
}
