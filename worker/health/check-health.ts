import { sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.ts";

export type ServiceState = "ok" | "down" | "not_configured";
export interface HealthReport {
  status: "ok" | "degraded" | "down";
  services: { database: ServiceState; livekit: ServiceState };
}

export interface HealthDeps {
  /** Resolves true when LiveKit answers; undefined when LiveKit is not configured. */
  pingLivekit?: (() => Promise<boolean>) | undefined;
}

export async function checkHealth(
  db: Db,
  input: { timeoutMs?: number } = {},
  deps: HealthDeps = {},
): Promise<HealthReport> {
  const { timeoutMs = 3000 } = input;
  const { pingLivekit } = deps;
  const [database, livekit] = await Promise.all([
    probe(() => db.execute(sql`select 1`).then(() => true), timeoutMs),
    pingLivekit ? probe(pingLivekit, timeoutMs) : Promise.resolve<ServiceState>("not_configured"),
  ]);
  const status = database !== "ok" ? "down" : livekit === "down" ? "degraded" : "ok";
  return { status, services: { database, livekit } };
}

async function probe(check: () => Promise<boolean>, timeoutMs: number): Promise<ServiceState> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return (await Promise.race([check(), timeout])) ? "ok" : "down";
  } catch {
    return "down"; // the probe's whole point is to turn a failure into a state
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}
