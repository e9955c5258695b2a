import { describe, expect, it } from "vitest";
import type { AdminStreamRow } from "@contracts/admin-streams.ts";
import { durationLabel, streamsCsv, toCsv } from "./admin-streams-csv.ts";

const row: AdminStreamRow = {
  id: "s1",
  title: '=HYPERLINK("x") "quoted"',
  status: "REMOVED",
  creator: { id: "c1", displayName: "Ana" },
  viewerCount: 0,
  startedAt: "2026-12-01T10:00:00.000Z",
  endedAt: null,
  createdAt: "2026-12-01T09:00:00.000Z",
  durationSeconds: 3725,
  revenue: "12.500",
  uniqueViewers: 3,
  watchSeconds: 90,
};

describe("admin CSV", () => {
  it("quotes every cell, escapes quotes and defuses formulas, CRLF line ends", () => {
    const csv = streamsCsv([row]);
    const [header, line, end] = csv.split("\r\n");
    expect(header?.startsWith('"id","title","status"')).toBe(true);
    expect(line).toBe(
      `"s1","'=HYPERLINK(""x"") ""quoted""","REMOVED","c1","Ana","0","2026-12-01T10:00:00.000Z","","3725","12.500","3","90"`,
    );
    expect(end).toBe("");
    expect(toCsv(["a"], [["-1.000"]])).toBe('"a"\r\n"-1.000"\r\n');
  });
  it("labels durations", () => {
    expect(durationLabel(null)).toBe("—");
    expect(durationLabel(12)).toBe("12s");
    expect(durationLabel(245)).toBe("4m 05s");
    expect(durationLabel(3725)).toBe("1h 02m");
  });
});
