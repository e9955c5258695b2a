import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "../../users/users.schema.ts";
import { createdAt, id } from "../db/columns.ts";

export const auditLogs = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_target_idx").on(t.targetType, t.targetId), index("audit_log_created_idx").on(t.createdAt)],
);

export type AuditLog = typeof auditLogs.$inferSelect;
