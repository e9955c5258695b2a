import { csvCell } from "../../contracts/csv.ts";
import type { AdminUserSummary } from "../../contracts/users.ts";

const HEADER = ["id", "email", "display_name", "role", "status", "email_verified", "created_at", "balance"];

/** The admin users table as CSV (RFC 4180, CRLF), one row per user in the given order. */
export function usersCsv(rows: readonly AdminUserSummary[]): string {
  const lines = [HEADER.join(",")];
  for (const row of rows) {
    lines.push(
      [
        row.user.id,
        row.user.email,
        row.displayName ?? "",
        row.user.role,
        row.user.status,
        String(row.user.emailVerified),
        row.user.createdAt,
        row.balance,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
