import type { RoleName } from "../../contracts/auth.ts";

/** The one role map behind the guards: who may reach each area of the API. */
export const ROLE_ACCESS = {
  admin: ["ADMIN"],
  creator: ["CREATOR", "ADMIN"],
  moderation: ["MODERATOR", "ADMIN"],
  signedIn: ["VIEWER", "CREATOR", "MODERATOR", "ADMIN"],
} as const satisfies Record<string, readonly RoleName[]>;

export function hasAccess(role: RoleName, area: keyof typeof ROLE_ACCESS): boolean {
  return (ROLE_ACCESS[area] as readonly RoleName[]).includes(role);
}
