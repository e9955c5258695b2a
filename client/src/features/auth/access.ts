import { ROLES, type RoleName } from "@contracts/auth.ts";

/**
 * Who may open each area of the client. Mirrors ROLE_ACCESS in worker/auth/roles.ts, which the
 * API enforces; the client only decides what to show.
 */
export const AREA_ROLES = {
  signedIn: ROLES,
  creator: ["CREATOR", "ADMIN"],
  admin: ["ADMIN"],
  moderation: ["MODERATOR", "ADMIN"],
} as const satisfies Record<string, readonly RoleName[]>;

export type Area = keyof typeof AREA_ROLES;

export function canAccess(role: RoleName, area: Area): boolean {
  return (AREA_ROLES[area] as readonly RoleName[]).includes(role);
}

export const ROLE_LABELS: Record<RoleName, string> = {
  VIEWER: "Viewer",
  CREATOR: "Creator",
  MODERATOR: "Moderator",
  ADMIN: "Admin",
};
