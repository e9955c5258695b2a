import { csvCell } from "../../../contracts/csv.ts";
import type { AuditLogEntryDto } from "../../../contracts/audit.ts";

const HEADER = [
  "created_at",
  "action",
  "actor_id",
  "actor_email",
  "actor_name",
  "target_type",
  "target_id",
  "ip",
  "metadata",
  "id",
];

/** Most rows one audit log CSV holds; a longer selection is cut at the newest MAX_AUDIT_CSV_ROWS. */
export const MAX_AUDIT_CSV_ROWS = 10_000;

/** One CSV line per entry (RFC 4180 cells, metadata as JSON), without the line break. */
export function auditCsvRow(entry: AuditLogEntryDto): string {
  return [
    entry.createdAt,
    entry.action,
    entry.actor?.id ?? "",
    entry.actor?.email ?? "",
    entry.actor?.displayName ?? "",
    entry.targetType,
    entry.targetId,
    entry.ip ?? "",
    JSON.stringify(entry.metadata),
    entry.id,
  ]
    .map(csvCell)
    .join(",");
}

export const AUDIT_CSV_HEADER = HEADER.join(",");
