import { describe, expect, it } from "vitest";
import type { Db } from "../platform/db/client.ts";
import { checkHealth } from "./check-health.ts";

const dbAnswering = { execute: async () => ({ rows: [] }) } as unknown as Db;
const dbDown = {
  execute: async () => {
    throw new Error("connect ECONNREFUSED");
  },
} as unknown as Db;
const dbHanging = { execute: () => new Promise(() => undefined) } as unknown as Db;

describe("checkHealth", () => {
  it("is ok when the database answers and LiveKit is not configured", async () => {
    expect(await checkHealth(dbAnswering)).toEqual({
      status: "ok",
      services: { database: "ok", livekit: "not_configured" },
    });
  });
  it("is down when the database fails", async () => {
    expect((await checkHealth(dbDown)).status).toBe("down");
  });
  it("is down when the database does not answer in time", async () => {
    const report = await checkHealth(dbHanging, { timeoutMs: 20 });
    expect(report.services.database).toBe("down");
  });
  it("is degraded when LiveKit is configured but down", async () => {
    const report = await checkHealth(dbAnswering, {}, { pingLivekit: async () => false });
    expect(report).toEqual({ status: "degraded", services: { database: "ok", livekit: "down" } });
  });
  it("is degraded when the LiveKit ping fails (Room API refuses or is unreachable)", async () => {
    const report = await checkHealth(
      dbAnswering,
      {},
      {
        pingLivekit: async () => {
          throw new Error("twirp error unauthenticated: invalid token");
        },
      },
    );
    expect(report).toEqual({ status: "degraded", services: { database: "ok", livekit: "down" } });
  });
  it("is degraded when the LiveKit ping does not answer in time", async () => {
    const report = await checkHealth(
      dbAnswering,
      { timeoutMs: 20 },
      { pingLivekit: () => new Promise(() => undefined) },
    );
    expect(report.services.livekit).toBe("down");
  });
  it("is ok when LiveKit answers", async () => {
    const report = await checkHealth(dbAnswering, {}, { pingLivekit: async () => true });
    expect(report).toEqual({ status: "ok", services: { database: "ok", livekit: "ok" } });
  });
});
