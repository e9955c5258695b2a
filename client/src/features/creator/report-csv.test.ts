import { describe, expect, it } from "vitest";
import { reportCsv, reportFileName } from "./report-csv.ts";

describe("reportCsv", () => {
  it("merges viewers and chat by minute, oldest first, zeros where a minute had only one", () => {
    const csv = reportCsv({
      minutes: [
        { minute: "2026-12-02T10:01:00Z", viewers: 3 },
        { minute: "2026-12-02T10:00:00Z", viewers: 2 },
      ],
      chat: [
        { minute: "2026-12-02T10:01:00Z", messages: 5 },
        { minute: "2026-12-02T10:03:00Z", messages: 1 },
      ],
    });
    expect(csv).toBe(
      [
        '"minute","viewers","messages"',
        '"2026-12-02T10:00:00Z","2","0"',
        '"2026-12-02T10:01:00Z","3","5"',
        '"2026-12-02T10:03:00Z","0","1"',
        "",
      ].join("\r\n"),
    );
  });

  it("is only the header for an empty report", () => {
    expect(reportCsv({ minutes: [], chat: [] })).toBe('"minute","viewers","messages"\r\n');
  });
});

describe("reportFileName", () => {
  it("slugs the title and keeps the id's start", () => {
    expect(reportFileName({ id: "0123456789abcdef", title: "My *Great* Stream!" })).toBe(
      "my-great-stream-01234567-report.csv",
    );
    expect(reportFileName({ id: "abcdef0123", title: "???" })).toBe("stream-abcdef01-report.csv");
  });
});
