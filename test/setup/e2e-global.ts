import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { freePort } from "../../scripts/lib/free-port.ts";
import { startStack } from "../../scripts/lib/stack.ts";

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  "/usr/lib/chromium/chromium",
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
];

/** Starts the whole app (fresh database, wrangler dev, built client) for the browser tier. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromium = CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
  if (!chromium) {
    const message =
      "Browser tier: no Chromium found. Install it (`apt-get install chromium`) or set CHROMIUM_PATH to a Chromium binary.";
    if (process.env.CI === "true") throw new Error(`${message} Under CI this is a failure.`);
    console.warn(`\n*** ${message} The browser tests are SKIPPED. ***\n`);
    project.provide("chromiumPath", null);
    project.provide("baseUrl", "");
    return async () => undefined;
  }
  const logs: string[] = [];
  const stack = await startStack({
    mode: "test",
    port: await freePort(),
    skipClientBuild: process.env.TOLLGATE_CLIENT_BUILT === "1",
    log: (l) => {
      logs.push(l);
      if (process.env.E2E_VERBOSE) console.log(l);
    },
  });
  project.provide("chromiumPath", chromium);
  project.provide("baseUrl", stack.url);
  return () => stack.stop();
}
