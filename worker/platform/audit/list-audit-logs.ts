import { and, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../db/client.ts";
import { decodeCursorJson, encodeCursor, invalidCursor, isPgTimestamptz, isUuid } from "../cursor.ts";
import { auditLogs, type AuditLog } from "./audit.schema.ts";

export interface AuditLogFilters {
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

// The cursor keeps Postgres' microseconds (as text), so no two rows in one millisecond are lost.
const createdText = sql<string>`${auditLogs.createdAt}::text`;

function decode(cursor: string): { at: string; id: string } {
  const value = decodeCursorJson(cursor);
  if (!Array.isArray(value) || value.length !== 2) throw invalidCursor();
  const [at, id] = value as unknown[];
  if (typeof at !== "string" || !isPgTimestamptz(at) || !isUuid(id)) throw invalidCursor();
  return { at, id };
}

function filterWhere(filters: AuditLogFilters): (SQL | undefined)[] {
  return [
    filters.action ? eq(auditLogs.action, filters.action) : undefined,
    filters.actorId ? eq(auditLogs.actorId, filters.actorId) : undefined,
    filters.targetType ? eq(auditLogs.targetType, filters.targetType) : undefined,
    filters.targetId ? eq(auditLogs.targetId, filters.targetId) : undefined,
    filters.from ? gte(auditLogs.createdAt, filters.from) : undefined,
    filters.to ? lt(auditLogs.createdAt, filters.to) : undefined,
  ];
}

/** Audit rows matching the filters, newest first, keyset-paginated. */
export async function listAuditLogs(
  db: DbOrTx,
  options: AuditLogFilters & { cursor?: string | undefined; limit: number },
): Promise<{ entries: AuditLog[]; nextCursor: string | null }> {
  const after = options.cursor ? decode(options.cursor) : undefined;
  const rows = await db
    .select({ row: auditLogs, at: createdText })
    .from(auditLogs)
    .where(
      and(
        ...filterWhere(options),
        after
          ? sql`(${auditLogs.createdAt}, ${auditLogs.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(auditLogs.createdAt), desc(auditLogs.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page[page.length - 1];
  return {
    entries: page.map((r) => r.row),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.at, last.row.id]) : null,
  };
}
