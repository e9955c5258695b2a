import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v));

/** Every variable the Worker reads, parsed once per isolate. */
export const configSchema = z.object({
  ENVIRONMENT: z.enum(["development", "test", "production"]),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  /** host:port of the WebSocket-to-TCP proxy for a plain Postgres (dev/test only). */
  NEON_WS_PROXY: optional,
  APP_URL: optional.pipe(z.url().optional()),
  PLATFORM_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(2000),
  JWT_PRIVATE_KEY: optional,
  JWT_KEY_ID: optional,
  LIVEKIT_API_KEY: optional,
  LIVEKIT_API_SECRET: optional,
  LIVEKIT_WS_URL: optional,
  METER_INTERVAL_MS: z.coerce.number().int().min(500).max(60000).default(10000),
  STRIPE_SECRET_KEY: optional,
  STRIPE_PUBLISHABLE_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_API_BASE: optional,
  COINBASE_API_KEY: optional,
  COINBASE_WEBHOOK_SECRET: optional,
  COINBASE_API_BASE: optional,
  EMAIL_FROM: optional,
  RESEND_API_KEY: optional,
});

export type AppConfig = z.infer<typeof configSchema> & {
  /**
   * Not from the environment: set per request by requestContext (devToolsAllowed). Read it
   * through devToolsEnabled(); a config parsed outside a request has none, so no dev tools.
   */
  readonly devTools?: boolean;
};

export class ConfigError extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`Invalid environment: ${issues.join("; ")}`);
    this.issues = issues;
    this.name = "ConfigError";
  }
}

const cache = new WeakMap<object, AppConfig>();

/** Parses the Worker env; a missing or malformed variable throws a ConfigError naming it. */
export function parseConfig(env: object): AppConfig {
  const hit = cache.get(env);
  if (hit) return hit;
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  if (result.data.ENVIRONMENT === "production" && result.data.NEON_WS_PROXY) {
    throw new ConfigError(["NEON_WS_PROXY: must not be set in production"]);
  }
  cache.set(env, result.data);
  return result.data;
}
