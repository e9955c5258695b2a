import { describe, expect, it } from "vitest";
import { adminSectionsFor, breadcrumbsFor } from "./admin-nav.ts";

describe("adminSectionsFor", () => {
  it("shows every section to an admin and only Moderation to a moderator", () => {
    expect(adminSectionsFor("ADMIN").map((section) => section.label)).toEqual([
      "Dashboard",
      "Users",
      "Streams",
      "Payments",
      "Prices",
      "Moderation",
      "Analytics",
      "Audit log",
    ]);
    expect(adminSectionsFor("MODERATOR").map((section) => section.href)).toEqual(["/admin/moderation"]);
    expect(adminSectionsFor("VIEWER")).toEqual([]);
    expect(adminSectionsFor("CREATOR")).toEqual([]);
  });
});

describe("breadcrumbsFor", () => {
  it("names sections and shortens ids", () => {
    expect(breadcrumbsFor("/admin")).toEqual([{ href: "/admin", label: "Admin" }]);
    expect(breadcrumbsFor("/admin/audit-log/")).toEqual([
      { href: "/admin", label: "Admin" },
      { href: "/admin/audit-log", label: "Audit log" },
    ]);
    expect(breadcrumbsFor("/admin/users/0b9c6f2e-1d2a-4f7e-9d6c-2b1a0e9f8c7d")).toEqual([
      { href: "/admin", label: "Admin" },
      { href: "/admin/users", label: "Users" },
      { href: "/admin/users/0b9c6f2e-1d2a-4f7e-9d6c-2b1a0e9f8c7d", label: "0b9c6f2e…" },
    ]);
    expect(breadcrumbsFor("/admin/moderation/reports").map((crumb) => crumb.label)).toEqual([
      "Admin",
      "Moderation",
      "Reports",
    ]);
    expect(breadcrumbsFor("/dashboard")).toEqual([]);
  });
});
