import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env.ts";

const base = { ENVIRONMENT: "test", DATABASE_URL: "postgres://u@127.0.0.1:5432/db" };

describe("parseConfig", () => {
  it("parses a minimal environment with defaults", () => {
    const cfg = parseConfig({ ...base });
    expect(cfg.PLATFORM_FEE_BPS).toBe(2000);
    expect(cfg.STRIPE_SECRET_KEY).toBeUndefined();
  });
  it("names a missing variable", () => {
    expect(() => parseConfig({ ENVIRONMENT: "test" })).toThrow(/DATABASE_URL/);
  });
  it("names a malformed variable", () => {
    try {
      parseConfig({ ...base, PLATFORM_FEE_BPS: "lots" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.join()).toMatch(/PLATFORM_FEE_BPS/);
    }
  });
  it("refuses the dev database proxy in production", () => {
    expect(() => parseConfig({ ...base, ENVIRONMENT: "production", NEON_WS_PROXY: "127.0.0.1:1" })).toThrow(
      /NEON_WS_PROXY/,
    );
  });
});
