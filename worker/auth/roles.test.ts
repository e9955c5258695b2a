import { describe, expect, it } from "vitest";
import { hasAccess } from "./roles.ts";

describe("role map", () => {
  it("gives the admin area to admins only", () => {
    expect(hasAccess("ADMIN", "admin")).toBe(true);
    for (const r of ["VIEWER", "CREATOR", "MODERATOR"] as const) expect(hasAccess(r, "admin")).toBe(false);
  });
  it("gives the creator area to creators and admins", () => {
    expect(hasAccess("CREATOR", "creator")).toBe(true);
    expect(hasAccess("ADMIN", "creator")).toBe(true);
    expect(hasAccess("VIEWER", "creator")).toBe(false);
    expect(hasAccess("MODERATOR", "creator")).toBe(false);
  });
  it("gives moderation to moderators and admins", () => {
    expect(hasAccess("MODERATOR", "moderation")).toBe(true);
    expect(hasAccess("VIEWER", "moderation")).toBe(false);
  });
});
