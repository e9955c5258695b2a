import type { RoleName } from "@contracts/auth.ts";
import { canAccess, type Area } from "../auth/access.ts";

export interface AdminSection {
  href: string;
  label: string;
  /** Who may open it; the sidebar shows a section only to them. */
  area: Area;
}

/** The admin console's sections, in sidebar order. */
export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: "/admin", label: "Dashboard", area: "admin" },
  { href: "/admin/users", label: "Users", area: "admin" },
  { href: "/admin/streams", label: "Streams", area: "admin" },
  { href: "/admin/payments", label: "Payments", area: "admin" },
  { href: "/admin/prices", label: "Prices", area: "admin" },
  { href: "/admin/moderation", label: "Moderation", area: "moderation" },
  { href: "/admin/analytics", label: "Analytics", area: "admin" },
  { href: "/admin/audit-log", label: "Audit log", area: "admin" },
];

export function adminSectionsFor(role: RoleName): AdminSection[] {
  return ADMIN_SECTIONS.filter((section) => canAccess(role, section.area));
}

export interface Crumb {
  href: string;
  label: string;
}

/** "Admin › Users › 3f2a…" for a path under /admin; the last crumb is the current page. */
export function breadcrumbsFor(pathname: string): Crumb[] {
  const path = pathname.replace(/\/+$/, "") || "/";
  if (path !== "/admin" && !path.startsWith("/admin/")) return [];
  const crumbs: Crumb[] = [{ href: "/admin", label: "Admin" }];
  const parts = path.split("/").slice(2);
  let href = "/admin";
  for (const part of parts) {
    href = `${href}/${part}`;
    const section = ADMIN_SECTIONS.find((candidate) => candidate.href === href);
    crumbs.push({ href, label: section?.label ?? labelFor(part) });
  }
  return crumbs;
}

function labelFor(segment: string): string {
  const text = decodeURIComponent(segment);
  // Ids (uuids) are shortened; words are capitalised.
  if (/^[0-9a-f-]{20,}$/i.test(text)) return `${text.slice(0, 8)}…`;
  const words = text.replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
