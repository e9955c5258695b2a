import { describe, expect, it } from "vitest";
import { csvCell } from "./csv.ts";

describe("csvCell", () => {
  it.each([
    ['=HYPERLINK("http://evil")', '"\'=HYPERLINK(""http://evil"")"'],
    ["+1+1", '"\'+1+1"'],
    ["-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""],
    ["@SUM(A1)", '"\'@SUM(A1)"'],
    ["\t=1", '"\'\t=1"'],
    ["\r=1", '"\'\r=1"'],
    ["-", '"\'-"'],
  ])("neutralises the formula %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each(["-1.000", "-12", "0.500", "42"])("leaves the plain number %j alone", (value) => {
    expect(csvCell(value)).toBe(`"${value}"`);
  });

  it("quotes every cell and doubles inner quotes", () => {
    expect(csvCell("DEBIT")).toBe('"DEBIT"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
