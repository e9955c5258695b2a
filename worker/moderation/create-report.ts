import { sql } from "drizzle-orm";
import type { CreateReportInput, ReportDto } from "../../contracts/moderation.ts";
import type { DbOrTx } from "../platform/db/client.ts";
import { reports } from "./moderation.schema.ts";

/**
 * Files a report, or merges it into the reporter's open report on the same target (the newer
 * reason wins, a new description replaces an empty one): one row per reporter and target.
 * The caller checks that the target exists.
 */
export async function createReport(
  db: DbOrTx,
  reporterId: string,
  input: CreateReportInput,
  targetOwnerId: string | null = null,
): Promise<ReportDto> {
  const description = input.description ? input.description : null;
  const [row] = await db
    .insert(reports)
    .values({
      reporterId,
      targetType: input.targetType,
      targetId: input.targetId,
      reason: input.reason,
      details: description,
      targetOwnerId,
    })
    .onConflictDoUpdate({
      target: [reports.reporterId, reports.targetType, reports.targetId],
      targetWhere: sql`status = 'OPEN'`,
      set: { reason: input.reason, details: sql`coalesce(excluded.details, ${reports.details})` },
    })
    .returning({
      id: reports.id,
      targetType: reports.targetType,
      targetId: reports.targetId,
      reason: reports.reason,
      status: reports.status,
      createdAt: reports.createdAt,
      created: sql<boolean>`(xmax = 0)`,
    });
  if (!row) throw new Error("report upsert returned no row");
  return {
    id: row.id,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: input.reason,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    created: row.created,
  };
}
