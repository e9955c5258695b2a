import { sql } from "drizzle-orm";
import { z } from "zod";
import { DEFAULT_PREFERENCES } from "../../contracts/notifications.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { executeRows } from "../platform/db/execute-rows.ts";

/** What going live puts on the notify queue; a continuation carries the keyset where to go on. */
export const goLiveMessageSchema = z.object({
  kind: z.literal("stream_live"),
  streamId: z.uuid(),
  creatorId: z.uuid(),
  creatorName: z.string(),
  title: z.string(),
  /** Followers with a user id above this one are still to do. */
  afterUserId: z.uuid().optional(),
});
export type GoLiveMessage = z.infer<typeof goLiveMessageSchema>;

export interface FanOutBatch {
  /** Followers looked at (booked or skipped by preference or an earlier delivery). */
  scanned: number;
  /** The last follower id of the batch: where the next batch starts. */
  lastUserId: string | null;
  /** Notifications booked (a follower who has it already, or wants none, books nothing). */
  booked: number;
  /** The booked ones owed an email. */
  emailPending: { id: string; userId: string }[];
}

const emailedSchema = z.array(z.object({ id: z.string(), user_id: z.string() }));
const batchRowSchema = z.object({
  scanned: z.coerce.number(),
  last: z.string().nullable(),
  booked_count: z.coerce.number(),
  emailed: z.unknown().nullable(),
});

const pref = (channel: "inApp" | "email") =>
  sql`coalesce((p.preferences -> 'STREAM_LIVE' ->> ${channel})::boolean, ${sql.raw(String(DEFAULT_PREFERENCES.STREAM_LIVE[channel]))})`;

/**
 * One batch of a go-live fan-out, in one statement: the next `limit` followers by user id,
 * each booked a STREAM_LIVE notification as their preferences say (one query, no per-follower
 * round trip). The dedupe key names the stream, so a redelivered message books nothing twice.
 */
export async function notifyFollowersBatch(
  db: DbOrTx,
  input: { message: GoLiveMessage; afterUserId?: string | undefined; limit: number },
): Promise<FanOutBatch> {
  const m = input.message;
  const after = input.afterUserId ?? m.afterUserId ?? "00000000-0000-0000-0000-000000000000";
  const rows = await executeRows(
    db,
    sql`
    with batch as (
      select f.user_id from follow f
      where f.creator_id = ${m.creatorId}::uuid and f.user_id > ${after}::uuid
      order by f.user_id
      limit ${input.limit}
    ), ins as (
      insert into notification (user_id, type, title, body, link, metadata, dedupe_key, in_app, email_pending)
      select b.user_id, 'STREAM_LIVE', ${`${m.creatorName} is live`}, ${m.title}, ${`/watch/${m.streamId}`},
        ${JSON.stringify({ streamId: m.streamId, creatorId: m.creatorId })}::jsonb, ${`live:${m.streamId}`},
        ${pref("inApp")}, ${pref("email")}
      from batch b left join notification_preference p on p.user_id = b.user_id
      where ${pref("inApp")} or ${pref("email")}
      on conflict (user_id, dedupe_key) do nothing
      returning id, user_id, email_pending
    )
    select (select count(*) from batch) as scanned,
      (select max(user_id::text) from batch) as last,
      (select count(*) from ins) as booked_count,
      -- Only the rows owed an email come back: shipping every booked row cost a third of the time.
      (select json_agg(json_build_object('id', id, 'user_id', user_id)) from ins where email_pending) as emailed`,
  );
  const row = batchRowSchema.parse(rows[0]);
  const emailed = row.emailed === null ? [] : emailedSchema.parse(row.emailed);
  return {
    scanned: row.scanned,
    lastUserId: row.last,
    booked: row.booked_count,
    emailPending: emailed.map((b) => ({ id: b.id, userId: b.user_id })),
  };
}
