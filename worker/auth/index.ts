// The auth domain's front door: the guards every router declares, the role map behind them,
// and the session operations other domains trigger (an admin suspension ends sessions).
export type { AccessClaims } from "./access-token.ts";
export { authenticate, currentUser, requireAuth, requireRole, requireVerifiedEmail } from "./guards.ts";
export { loadSigningKeys, type SigningKeys } from "./keys.ts";
export { hashPassword } from "./password.ts";
export { revokeAllForUser } from "./refresh-tokens.ts";
export { hasAccess, ROLE_ACCESS } from "./roles.ts";
