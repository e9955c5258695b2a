import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import {
  MODERATION_TARGET_TYPES,
  PRIORITY_WEIGHTS,
  REPORT_REASONS,
  type ReportQueue,
  type ReportQueueQuery,
} from "../../contracts/moderation.ts";
import { findChatMessageTexts } from "../chat/index.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { findStreamTitles } from "../streams/index.ts";
import { getPublicProfiles } from "../users/index.ts";
import { executeRows } from "../platform/db/execute-rows.ts";

const int = z.union([z.number(), z.string()]).transform(Number);
const time = z.union([z.date(), z.string()]).transform((v) => new Date(v).toISOString());
const rowSchema = z.object({
  target_type: z.enum(MODERATION_TARGET_TYPES),
  target_id: z.string(),
  owner_id: z.string().nullable(),
  report_id: z.string(),
  report_count: int,
  open_count: int,
  first_at: time,
  last_at: time,
  reasons: z.array(z.enum(REPORT_REASONS)),
  violations: int,
  priority: int,
  total: int,
});

/** A date alone means the whole day (UTC): `from` its start, `to` its end. */
function bound(value: string, end: boolean): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = new Date(`${value}T00:00:00.000Z`);
    return end ? new Date(day.getTime() + 86_400_000) : day;
  }
  return new Date(value);
}

/**
 * The review queue: reports grouped per target, each group with its counts, the reasons given,
 * the target's owner's past violations and a priority (open reports + weighted past violations),
 * highest priority first, then the longest-waiting.
 */
export async function listReportQueue(db: DbOrTx, query: ReportQueueQuery): Promise<ReportQueue> {
  const where: SQL[] = [];
  if (query.status === "PENDING") where.push(sql`r.status = 'OPEN'`);
  if (query.status === "REVIEWED") where.push(sql`r.status <> 'OPEN'`);
  if (query.targetType) where.push(sql`r.target_type = ${query.targetType}`);
  if (query.reporterId) where.push(sql`r.reporter_id = ${query.reporterId}::uuid`);
  if (query.from) where.push(sql`r.created_at >= ${bound(query.from, false).toISOString()}::timestamptz`);
  if (query.to) where.push(sql`r.created_at < ${bound(query.to, true).toISOString()}::timestamptz`);
  const filter = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const offset = (query.page - 1) * query.limit;

  const rows = await executeRows(
    db,
    sql`
    with grouped as (
      select r.target_type, r.target_id,
        (array_agg(r.target_owner_id) filter (where r.target_owner_id is not null))[1] as owner_id,
        (array_agg(r.id order by (r.status = 'OPEN') desc, r.created_at, r.id))[1] as report_id,
        count(*)::int as report_count,
        (count(*) filter (where r.status = 'OPEN'))::int as open_count,
        min(r.created_at) as first_at,
        max(r.created_at) as last_at,
        array_agg(distinct r.reason) as reasons
      from report r
      ${filter}
      group by r.target_type, r.target_id
    ), scored as (
      select g.*,
        (select count(*)::int from moderation_action a
          where a.action <> 'CLEAR'
            and ((a.target_type = g.target_type and a.target_id = g.target_id)
              or (g.owner_id is not null and a.subject_user_id = g.owner_id))) as violations
      from grouped g
    )
    select s.*,
      (s.open_count * ${PRIORITY_WEIGHTS.openReport} + s.violations * ${PRIORITY_WEIGHTS.pastViolation})::int as priority,
      (count(*) over ())::int as total
    from scored s
    order by priority desc, s.first_at asc, s.target_id asc
    limit ${query.limit} offset ${offset}`,
  );
  const parsed = rows.map((r) => rowSchema.parse(r));

  const messages = await findChatMessageTexts(
    db,
    parsed.filter((r) => r.target_type === "MESSAGE").map((r) => r.target_id),
  );
  const titles = await findStreamTitles(
    db,
    parsed.filter((r) => r.target_type === "STREAM").map((r) => r.target_id),
  );
  const names = await getPublicProfiles(db, [
    ...parsed.flatMap((r) => (r.owner_id ? [r.owner_id] : [])),
    ...parsed.filter((r) => r.target_type === "USER").map((r) => r.target_id),
  ]);
  const label = (r: z.infer<typeof rowSchema>): string | null => {
    switch (r.target_type) {
      case "MESSAGE":
        return messages.get(r.target_id) ?? null;
      case "STREAM":
        return titles.get(r.target_id) ?? null;
      case "USER":
        return names.get(r.target_id)?.displayName ?? null;
    }
  };

  return {
    items: parsed.map((r) => ({
      reportId: r.report_id,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: label(r),
      ownerId: r.owner_id,
      ownerName: r.owner_id ? (names.get(r.owner_id)?.displayName ?? null) : null,
      reports: r.report_count,
      openReports: r.open_count,
      reasons: r.reasons,
      firstReportedAt: r.first_at,
      lastReportedAt: r.last_at,
      pastViolations: r.violations,
      priority: r.priority,
      status: r.open_count > 0 ? "PENDING" : "REVIEWED",
    })),
    page: query.page,
    limit: query.limit,
    total: parsed[0]?.total ?? 0,
  };
}
