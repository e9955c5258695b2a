import type { Db } from "./db/client.ts";
import type { AppConfig } from "./env.ts";
import type { Logger } from "./lib/logger.ts";

/** Hono generics shared by every router: bindings from wrangler, per-request variables. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    config: AppConfig;
    logger: Logger;
    db: Db;
  };
}
