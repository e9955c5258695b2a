import type { AuditLogQuery } from "../../contracts/audit.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { AUDIT_CSV_HEADER, auditCsvRow, MAX_AUDIT_CSV_ROWS } from "../platform/audit/audit-csv.ts";
import { eachAuditLogEntry } from "./list-audit-log.ts";

/** GET /api/admin/audit-logs.csv: the filtered set, newest first, at most MAX_AUDIT_CSV_ROWS rows. */
export async function auditLogCsv(db: DbOrTx, query: Omit<AuditLogQuery, "cursor" | "limit">): Promise<string> {
  const lines = [AUDIT_CSV_HEADER];
  for await (const entry of eachAuditLogEntry(db, query, MAX_AUDIT_CSV_ROWS)) lines.push(auditCsvRow(entry));
  return `${lines.join("\r\n")}\r\n`;
}
