import type { AuditLogFilters } from "./admin.api.ts";

/** The filter form's fields, as they sit in the URL (dates as YYYY-MM-DD, the browser's day). */
export interface AuditLogForm {
  action: string;
  actorId: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FORM: AuditLogForm = {
  action: "",
  actorId: "",
  targetType: "",
  targetId: "",
  from: "",
  to: "",
};

/** Actions the platform records, offered as suggestions (any text may be typed). */
export const KNOWN_ACTIONS = [
  "user.status_changed",
  "user.role_changed",
  "user.deleted",
  "user.password_reset",
  "wallet.adjust",
  "price.created",
  "price.updated",
  "payment.refund_requested",
  "stream.ended",
  "stream.deleted",
  "metering.config_updated",
  "chat.settings_updated",
] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight at the start of a local calendar day, as an ISO instant; undefined for anything else. */
function dayStart(day: string, addDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d + addDays);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

/** The API's filters from the form: `to` covers its whole day. Blank fields filter nothing. */
export function auditFiltersFromForm(form: AuditLogForm): AuditLogFilters {
  const text = (value: string) => value.trim() || undefined;
  return {
    action: text(form.action),
    actorId: text(form.actorId),
    targetType: text(form.targetType),
    targetId: text(form.targetId),
    from: dayStart(form.from),
    to: dayStart(form.to, 1),
  };
}

/** Metadata as indented JSON for the details disclosure. */
export const metadataText = (metadata: Record<string, unknown>) => JSON.stringify(metadata, null, 2);
