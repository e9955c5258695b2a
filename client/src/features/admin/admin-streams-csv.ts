import type { AdminPaymentRow, AdminWebhookEvent, RevenueReport } from "@contracts/admin-payments.ts";
import type { AdminStreamRow } from "@contracts/admin-streams.ts";
import { csvCell } from "@contracts/csv.ts";

/** Rows as CSV (RFC 4180, CRLF, every cell through csvCell so none runs as a formula). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export function streamsCsv(rows: readonly AdminStreamRow[]): string {
  return toCsv(
    [
      "id",
      "title",
      "status",
      "creator_id",
      "creator",
      "viewers_now",
      "started_at",
      "ended_at",
      "duration_seconds",
      "revenue_credits",
      "unique_viewers",
      "watch_seconds",
    ],
    rows.map((r) => [
      r.id,
      r.title,
      r.status,
      r.creator.id,
      r.creator.displayName,
      String(r.viewerCount),
      r.startedAt ?? "",
      r.endedAt ?? "",
      r.durationSeconds === null ? "" : String(r.durationSeconds),
      r.revenue,
      String(r.uniqueViewers),
      String(r.watchSeconds),
    ]),
  );
}

export function paymentsCsv(rows: readonly AdminPaymentRow[]): string {
  return toCsv(
    [
      "id",
      "user_id",
      "email",
      "provider",
      "status",
      "amount",
      "refunded",
      "currency",
      "credits",
      "created_at",
      "updated_at",
    ],
    rows.map((r) => [
      r.id,
      r.user.id,
      r.user.email ?? "",
      r.provider,
      r.status,
      r.amount,
      r.refundedAmount,
      r.currency,
      r.credits,
      r.createdAt,
      r.updatedAt,
    ]),
  );
}

export function webhooksCsv(rows: readonly AdminWebhookEvent[]): string {
  return toCsv(
    ["id", "provider", "event_id", "type", "status", "attempts", "error", "received_at", "next_attempt_at"],
    rows.map((r) => [
      r.id,
      r.provider,
      r.eventId,
      r.type,
      r.status,
      String(r.attempts),
      r.error ?? "",
      r.receivedAt,
      r.nextAttemptAt ?? "",
    ]),
  );
}

export function revenueCsv(report: RevenueReport): string {
  return toCsv(
    ["period", "gross", "stripe", "coinbase", "payments"],
    report.buckets.map((b) => [b.period, b.gross, b.byProvider.STRIPE, b.byProvider.COINBASE, String(b.payments)]),
  );
}

/** Starts a download of CSV built in the browser from what the page shows. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the blob to the download; revoke on the next task, not before it starts.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** "1h 02m", "4m 05s", "12s": a stream's length for a table. */
export function durationLabel(seconds: number | null): string {
  if (seconds === null) return "—";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}
