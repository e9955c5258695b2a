import type { DbOrTx } from "../db/client.ts";
import { auditLogs } from "./audit.schema.ts";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  metadata?: Record<string, unknown>;
  ip?: string | null;
}

export async function writeAuditLog(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLogs).values({ ...entry, metadata: entry.metadata ?? {}, ip: entry.ip ?? null });
}
