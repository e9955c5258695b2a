import { describe, expect, it } from "vitest";
import { devToolsAllowed, devToolsEnabled, isLoopbackUrl } from "./dev-tools.ts";
import { configSchema } from "./env.ts";

const config = (ENVIRONMENT: string) =>
  configSchema.parse({ ENVIRONMENT, DATABASE_URL: "postgres://postgres@127.0.0.1:5432/test" });

describe("dev tools", () => {
  it("treats only 127.0.0.1, localhost and [::1] as loopback", () => {
    for (const url of ["http://127.0.0.1:8787/api", "http://localhost:5173/", "http://[::1]:8787/x"]) {
      expect(isLoopbackUrl(url)).toBe(true);
    }
    for (const url of [
      "https://tollgate.example/api",
      "https://preview-123.tollgate.workers.dev/",
      "http://127.0.0.1.nip.io/",
      "http://10.0.0.1/",
    ]) {
      expect(isLoopbackUrl(url)).toBe(false);
    }
  });

  it("allows them only in development or test on a loopback host", () => {
    expect(devToolsAllowed(config("development"), "http://127.0.0.1:8787/api/dev/outbox")).toBe(true);
    expect(devToolsAllowed(config("test"), "http://localhost:8787/api/dev/outbox")).toBe(true);
    expect(devToolsAllowed(config("development"), "https://staging.tollgate.example/api/dev/outbox")).toBe(false);
    expect(devToolsAllowed(config("test"), "https://preview.tollgate.workers.dev/api/dev/outbox")).toBe(false);
    expect(devToolsAllowed(config("production"), "http://127.0.0.1:8787/api/dev/outbox")).toBe(false);
  });

  it("is off for a config that no request decided on", () => {
    expect(devToolsEnabled(config("development"))).toBe(false);
    expect(devToolsEnabled({ ...config("development"), devTools: true })).toBe(true);
    expect(devToolsEnabled({ ...config("production"), devTools: true })).toBe(false);
  });
});
