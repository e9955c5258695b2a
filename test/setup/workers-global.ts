import type { TestProject } from "vitest/node";
import { ephemeralJwtKey } from "../../scripts/lib/jwt-dev-key.ts";
import { startLiveKit } from "../../scripts/lib/livekit.ts";
import { ensureLiveKitServer } from "../../scripts/lib/livekit-binary.ts";
import { startDatabase, TEST_METER_INTERVAL_MS } from "../../scripts/lib/stack.ts";
import { findStripeMock, startStripeMock } from "../../scripts/lib/stripe-mock.ts";
import { startFakeCoinbase } from "../fakes/coinbase-business.ts";

/**
 * One fresh, migrated, seeded database per run (DATABASE_URL's server, else embedded PGlite) that the
 * Worker reaches as the app role through pgbouncer (scripts/lib/stack.ts: startDatabase),
 * Stripe's stripe-mock for Stripe API calls, a fake Coinbase Business API at its HTTP boundary, and
 * a livekit-server of its own (free ports, throwaway keys; no webhook target: SELF.fetch has no port).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // First, so a missing binary fails the tier before anything else starts.
  const livekitBin = await ensureLiveKitServer();
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const database = await startDatabase({ mode: "test", databaseUrl: process.env.DATABASE_URL });
    stops.push(database.stop);
    project.provide("databaseUrl", database.databaseUrl);
    project.provide("ownerDatabaseUrl", database.ownerUrl);
    project.provide("wsProxy", database.wsProxy);
    project.provide("jwtPrivateKey", ephemeralJwtKey());
    project.provide("meterIntervalMs", TEST_METER_INTERVAL_MS);

    const bin = findStripeMock();
    if (bin) {
      const mock = await startStripeMock(bin);
      stops.push(mock.stop);
      project.provide("stripeMockUrl", mock.url);
    } else {
      const message =
        "stripe-mock not found (.ci/run installs it: go install github.com/stripe/stripe-mock); Stripe API tests skip.";
      if (process.env.CI === "true") throw new Error(message);
      console.warn(`\n*** ${message} ***\n`);
      project.provide("stripeMockUrl", "");
    }
    const coinbase = await startFakeCoinbase();
    stops.push(coinbase.stop);
    project.provide("coinbaseApiUrl", coinbase.url);
    project.provide("coinbaseApiKey", coinbase.apiKey);

    const livekit = await startLiveKit(livekitBin);
    stops.push(livekit.stop);
    project.provide("livekitUrl", livekit.url);
    project.provide("livekitHttpUrl", livekit.httpUrl);
    project.provide("livekitApiKey", livekit.apiKey);
    project.provide("livekitApiSecret", livekit.apiSecret);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
