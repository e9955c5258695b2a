import type { AuditLogEntryDto, AuditLogPage, AuditLogQuery } from "../../contracts/audit.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import type { AuditLog } from "../platform/audit/audit.schema.ts";
import { listAuditLogs, type AuditLogFilters } from "../platform/audit/list-audit-logs.ts";
import { getUserLabels } from "../users/index.ts";

export function auditFilters(query: Omit<AuditLogQuery, "cursor" | "limit">): AuditLogFilters {
  return {
    action: query.action,
    actorId: query.actorId,
    targetType: query.targetType,
    targetId: query.targetId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

/** Audit rows with their actors' email and display name (read through the users domain). */
async function withActors(db: DbOrTx, rows: AuditLog[]): Promise<AuditLogEntryDto[]> {
  const labels = await getUserLabels(
    db,
    rows.flatMap((row) => (row.actorId ? [row.actorId] : [])),
  );
  return rows.map((row) => {
    const actor = row.actorId ? labels.get(row.actorId) : undefined;
    return {
      id: row.id,
      action: row.action,
      targetType: row.targetType,
      targetId: row.targetId,
      metadata: row.metadata,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      actor: actor ? { id: actor.id, email: actor.email, displayName: actor.displayName } : null,
    };
  });
}

/** GET /api/admin/audit-logs: one page, newest first. */
export async function listAuditLog(db: DbOrTx, query: AuditLogQuery): Promise<AuditLogPage> {
  const page = await listAuditLogs(db, { ...auditFilters(query), cursor: query.cursor, limit: query.limit });
  return { entries: await withActors(db, page.entries), nextCursor: page.nextCursor };
}

/** Every entry of the filtered set, newest first, in pages, up to `max` (the CSV export). */
export async function* eachAuditLogEntry(
  db: DbOrTx,
  query: Omit<AuditLogQuery, "cursor" | "limit">,
  max: number,
): AsyncGenerator<AuditLogEntryDto> {
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await listAuditLogs(db, { ...auditFilters(query), cursor, limit: Math.min(500, max - seen) });
    for (const entry of await withActors(db, page.entries)) yield entry;
    seen += page.entries.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && seen < max);
}
