import type { AccessClaims } from "../auth/index.ts";
import type { RoleName } from "../../contracts/auth.ts";
import type { Db } from "./db/client.ts";
import type { AppConfig } from "./env.ts";
import type { Logger } from "./logger.ts";

/** The signed-in user as the guards loaded it from the database on this request. */
export interface AuthUser {
  id: string;
  email: string;
  role: RoleName;
  emailVerified: boolean;
}

/** Hono generics shared by every router: bindings from wrangler, per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: AppConfig;
    logger: Logger;
    db: Db;
    /** Verified access-token claims, or null (set by `authenticate`). */
    claims: AccessClaims | null;
    tokenExpired: boolean;
    /** Set by requireAuth/requireRole; read it through currentUser(c). */
    user: AuthUser | undefined;
  };
}
