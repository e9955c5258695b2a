import { z } from "zod";

const instant = z.iso.datetime({ offset: true, message: "Use an ISO-8601 date and time" });

/** GET /api/admin/audit-logs (and audit-logs.csv): filters, newest first. */
export const auditLogQuerySchema = z
  .object({
    action: z.string().trim().min(1).max(100).optional(),
    actorId: z.uuid("actorId must be a UUID").optional(),
    targetType: z.string().trim().min(1).max(50).optional(),
    targetId: z.string().trim().min(1).max(200).optional(),
    /** Inclusive lower and exclusive upper bound on the entry's time. */
    from: instant.optional(),
    to: instant.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), {
    message: "from must be before to",
    path: ["to"],
  });
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const auditLogEntrySchema = z.object({
  id: z.string(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  createdAt: z.string(),
  /** Null for system actions (and actors whose row is gone). */
  actor: z.object({ id: z.string(), email: z.string(), displayName: z.string().nullable() }).nullable(),
});
export type AuditLogEntryDto = z.infer<typeof auditLogEntrySchema>;

export const auditLogPageSchema = z.object({
  entries: z.array(auditLogEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;
