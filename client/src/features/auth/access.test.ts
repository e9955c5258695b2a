import { describe, expect, it } from "vitest";
import { canAccess } from "./access.ts";

describe("canAccess", () => {
  it("mirrors the API's areas", () => {
    expect(canAccess("VIEWER", "signedIn")).toBe(true);
    expect(canAccess("VIEWER", "creator")).toBe(false);
    expect(canAccess("CREATOR", "creator")).toBe(true);
    expect(canAccess("ADMIN", "creator")).toBe(true);
    expect(canAccess("CREATOR", "admin")).toBe(false);
    expect(canAccess("MODERATOR", "admin")).toBe(false);
    expect(canAccess("ADMIN", "admin")).toBe(true);
    expect(canAccess("VIEWER", "moderation")).toBe(false);
    expect(canAccess("CREATOR", "moderation")).toBe(false);
    expect(canAccess("MODERATOR", "moderation")).toBe(true);
    expect(canAccess("ADMIN", "moderation")).toBe(true);
  });
});
