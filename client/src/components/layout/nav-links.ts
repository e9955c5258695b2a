import type { RoleName } from "@contracts/auth.ts";
import { canAccess, type Area } from "../../lib/access.ts";

export interface NavLink {
  href: string;
  label: string;
  /** Match the path exactly (for `/`). */
  end?: boolean;
}

export const primaryLinks: NavLink[] = [{ href: "/", label: "Home", end: true }];

export const accountLinks = {
  login: { href: "/login", label: "Log in" },
  register: { href: "/register", label: "Sign up" },
} satisfies Record<string, NavLink>;

/** The account menu; each item shows only to the roles that may open its area. */
const memberLinks: (NavLink & { area: Area })[] = [
  { href: "/dashboard", label: "Dashboard", area: "signedIn" },
  { href: "/creator", label: "Creator studio", area: "creator" },
  { href: "/admin", label: "Admin", area: "admin" },
];

export function memberLinksFor(role: RoleName): NavLink[] {
  return memberLinks.filter((link) => canAccess(role, link.area)).map(({ href, label }) => ({ href, label }));
}
