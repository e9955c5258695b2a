import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows } from "../platform/db/execute-rows.ts";
import { viewingSessions } from "./metering.schema.ts";

const rowSchema = z.object({ peak: z.coerce.number(), sessions: z.coerce.number() });

/**
 * The most viewing sessions open at one instant (one stream's, or the platform's), and how many
 * sessions were open at all, over [from, to) when given. A session open now counts until now; one
 * that ended as another began does not overlap it.
 */
export async function countPeakViewers(
  db: DbOrTx,
  input: { streamId?: string | undefined; from?: Date | undefined; to?: Date | undefined },
): Promise<{ peak: number; sessions: number }> {
  const v = viewingSessions;
  const from = input.from ? sql`${input.from.toISOString()}::timestamptz` : sql`'-infinity'::timestamptz`;
  const to = input.to ? sql`${input.to.toISOString()}::timestamptz` : sql`'infinity'::timestamptz`;
  const stream = input.streamId ? sql`and ${v.streamId} = ${input.streamId}::uuid` : sql.empty();
  const rows = await executeRows(
    db,
    sql`with s as (
      select greatest(${v.startedAt}, ${from}) as a, least(coalesce(${v.endedAt}, now()), ${to}) as b
      from ${v}
      where ${v.startedAt} < ${to} and coalesce(${v.endedAt}, now()) > ${from} ${stream}
    ),
    edges as (select a as t, 1 as d from s union all select b as t, -1 as d from s)
    select coalesce(max(open), 0)::int as peak, (select count(*) from s)::int as sessions
    from (select sum(d) over (order by t, d rows unbounded preceding) as open from edges) running`,
  );
  return rowSchema.parse(rows[0] ?? { peak: 0, sessions: 0 });
}
