import type { StreamReportDto } from "@contracts/creators.ts";
import { csvCell } from "@contracts/csv.ts";

/**
 * The report's minutes as CSV (RFC 4180): every minute that had viewers or chat, oldest first,
 * with zeros where it had only one of them.
 */
export function reportCsv(report: Pick<StreamReportDto, "minutes" | "chat">): string {
  const rows = new Map<string, { viewers: number; messages: number }>();
  const row = (minute: string) => {
    let r = rows.get(minute);
    if (!r) rows.set(minute, (r = { viewers: 0, messages: 0 }));
    return r;
  };
  for (const m of report.minutes) row(m.minute).viewers = m.viewers;
  for (const c of report.chat) row(c.minute).messages = c.messages;
  const lines = [["minute", "viewers", "messages"].map(csvCell).join(",")];
  for (const [minute, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push([minute, String(r.viewers), String(r.messages)].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name for the export: the stream's title made safe, and its id. */
export function reportFileName(stream: { id: string; title: string }): string {
  const slug = stream.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${slug || "stream"}-${stream.id.slice(0, 8)}-report.csv`;
}
