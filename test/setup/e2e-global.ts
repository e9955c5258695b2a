import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/lib/free-port.ts";
import { startStack, TEST_METER_INTERVAL_MS, type StackLiveKit } from "../../scripts/lib/stack.ts";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
];

/**
 * Starts the whole app for the browser tier: fresh database, built client, a livekit-server of its own
 * whose webhooks reach this `wrangler dev`, and a short metering interval (TEST_METER_INTERVAL_MS).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
  if (!chromium) {
    const message =
      "Browser tier: no Chromium found. Install it (`apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.";
    if (process.env.CI === "true") throw new Error(`${message} Under CI this is a failure.`);
    console.warn(`\n*** ${message} The browser tests are SKIPPED. ***\n`);
    project.provide("chromiumPath", null);
    project.provide("baseUrl", "");
    project.provide("meterIntervalMs", TEST_METER_INTERVAL_MS);
    provideLiveKit(project, null);
    return async () => undefined;
  }
  const logs: string[] = [];
  const stack = await startStack({
    mode: "test",
    port: await freePort(),
    skipClientBuild: process.env.TOLLGATE_CLIENT_BUILT === "1",
    vars: { METER_INTERVAL_MS: String(TEST_METER_INTERVAL_MS) },
    // Only the one-time build of livekit-server when `npm run test:e2e` runs without it.
    logLiveKit: (l) => console.log(`[livekit] ${l}`),
    log: (l) => {
      logs.push(l);
      if (process.env.E2E_VERBOSE) console.log(l);
    },
  });
  project.provide("chromiumPath", chromium);
  project.provide("baseUrl", stack.url);
  project.provide("meterIntervalMs", TEST_METER_INTERVAL_MS);
  provideLiveKit(project, stack.livekit);
  return () => stack.stop();
}

function provideLiveKit(project: TestProject, livekit: StackLiveKit | null): void {
  project.provide("livekitUrl", livekit?.url ?? "");
  project.provide("livekitHttpUrl", livekit?.httpUrl ?? "");
  project.provide("livekitApiKey", livekit?.apiKey ?? "");
  project.provide("livekitApiSecret", livekit?.apiSecret ?? "");
}
