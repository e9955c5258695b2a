import { describe, expect, it } from "vitest";
import { usersCsv } from "./users-csv.ts";

describe("usersCsv", () => {
  it("writes a header and one quoted row per user, defusing formulas", () => {
    const csv = usersCsv([
      {
        user: {
          id: "u1",
          email: "a@example.test",
          role: "ADMIN",
          status: "ACTIVE",
          emailVerified: true,
          createdAt: "2026-01-02T03:04:05.000Z",
        },
        displayName: '=HYPERLINK("x") "Al"',
        balance: "-1.500",
      },
      {
        user: {
          id: "u2",
          email: "b@example.test",
          role: "VIEWER",
          status: "SUSPENDED",
          emailVerified: false,
          createdAt: "2026-01-03T00:00:00.000Z",
        },
        displayName: null,
        balance: "0.000",
      },
    ]);
    expect(csv.split("\r\n")).toEqual([
      "id,email,display_name,role,status,email_verified,created_at,balance",
      '"u1","a@example.test","\'=HYPERLINK(""x"") ""Al""","ADMIN","ACTIVE","true","2026-01-02T03:04:05.000Z","-1.500"',
      '"u2","b@example.test","","VIEWER","SUSPENDED","false","2026-01-03T00:00:00.000Z","0.000"',
      "",
    ]);
  });
});
