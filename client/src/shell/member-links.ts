import type { RoleName } from "@contracts/auth.ts";
import { canAccess, type Area } from "../features/auth/access.ts";
import type { NavLink } from "../ui/layout/nav-links.ts";

/** The account menu; each item shows only to the roles that may open its area. */
const memberLinks: (NavLink & { area: Area; unless?: Area })[] = [
  { href: "/dashboard", label: "Dashboard", area: "signedIn" },
  { href: "/creator", label: "Creator studio", area: "creator" },
  { href: "/admin", label: "Admin", area: "admin" },
  // Moderators' way into the console; admins reach moderation from the Admin sidebar.
  { href: "/admin/moderation", label: "Moderation", area: "moderation", unless: "admin" },
];

export function memberLinksFor(role: RoleName): NavLink[] {
  return memberLinks
    .filter((link) => canAccess(role, link.area) && !(link.unless && canAccess(role, link.unless)))
    .map(({ href, label }) => ({ href, label }));
}

/** Links beside Home in the navbar, for the roles that may open them. */
const navLinks: (NavLink & { area: Area })[] = [{ href: "/creator/stream", label: "Go live", area: "creator" }];

export function navLinksFor(role: RoleName): NavLink[] {
  return navLinks.filter((link) => canAccess(role, link.area)).map(({ href, label }) => ({ href, label }));
}
