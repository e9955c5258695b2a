import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { ensureLiveKitServer } from "./lib/livekit-binary.ts";
import { BIN, ROOT } from "./lib/paths.ts";
import { run } from "./lib/stack.ts";

/**
 * `npm test`: every tier in turn (unit, db in Node on Postgres, workers on workerd + Postgres,
 * browser), then one closing line with the totals. DATABASE_URL names a real Postgres; without it each tier
 * starts an embedded PGlite. The workers and browser tiers each start a livekit-server of their own.
 * `npm test -- unit workers` runs a subset.
 */
const ALL = ["unit", "db", "workers", "e2e"] as const;
type Tier = (typeof ALL)[number];
const asked = process.argv.slice(2).filter((a): a is Tier => (ALL as readonly string[]).includes(a));
const tiers = asked.length ? asked : [...ALL];

mkdirSync(`${ROOT}.cache`, { recursive: true });
const log = (line: string) => console.log(line);
if (tiers.includes("e2e") || tiers.includes("workers")) {
  // Found (or built) once here; the tiers' global setups find it through LIVEKIT_SERVER_BIN.
  try {
    process.env.LIVEKIT_SERVER_BIN = await ensureLiveKitServer(log);
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    console.error("\nThe workers and browser tiers need livekit-server: no test ran.");
    process.exit(1);
  }
  console.log("› building the client");
  await run(`${BIN}/vite`, ["build", "--logLevel", "warn"], log);
  process.env.TOLLGATE_CLIENT_BUILT = "1";
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failedTiers: string[] = [];
for (const tier of tiers) {
  console.log(`\n› tier: ${tier}`);
  const report = `${ROOT}.cache/vitest-${tier}.json`;
  try {
    await run(
      `${BIN}/vitest`,
      [
        "run",
        "--config",
        `vitest.${tier}.config.ts`,
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${report}`,
      ],
      log,
    );
  } catch {
    failedTiers.push(tier);
  }
  if (existsSync(report)) {
    const r = JSON.parse(readFileSync(report, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + r.numTodoTests;
  } else if (!failedTiers.includes(tier)) {
    failedTiers.push(tier);
  }
}
if (failedTiers.length) console.log(`\nfailed tiers: ${failedTiers.join(", ")}`);
if (failedTiers.length && failed === 0) failed = failedTiers.length;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedTiers.length ? 1 : 0);
