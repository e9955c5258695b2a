import { describe, expect, it } from "vitest";
import { loginPath, safeRedirectPath } from "./redirect.ts";

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and hash", () => {
    expect(safeRedirectPath("/dashboard")).toBe("/dashboard");
    expect(safeRedirectPath("/admin/users?page=2#top")).toBe("/admin/users?page=2#top");
  });

  it.each([
    ["protocol-relative", "//evil.test/phish"],
    ["backslash trick", "/\\evil.test"],
    ["absolute URL", "https://evil.test/"],
    ["script URL", "javascript:alert(1)"],
    ["relative path", "dashboard"],
    ["empty", ""],
    ["not a string", ["/dashboard"]],
    ["missing", undefined],
  ])("refuses a %s", (_, value) => {
    expect(safeRedirectPath(value)).toBeNull();
  });
});

describe("loginPath", () => {
  it("encodes where to come back to", () => {
    expect(loginPath("/dashboard")).toBe("/login?redirect=%2Fdashboard");
    expect(loginPath("/admin?tab=users")).toBe("/login?redirect=%2Fadmin%3Ftab%3Dusers");
  });
});
