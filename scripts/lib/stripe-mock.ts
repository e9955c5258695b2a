import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import { freePort } from "./free-port.ts";
import { ROOT } from "./paths.ts";

/** Stripe's own API mock (github.com/stripe/stripe-mock), installed by .ci/run into .cache/bin. */
export function findStripeMock(): string | null {
  const candidates = [
    process.env.STRIPE_MOCK_BIN,
    `${ROOT}.cache/bin/stripe-mock`,
    ...(process.env.PATH ?? "").split(":").map((d) => `${d}/stripe-mock`),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export async function startStripeMock(bin: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(bin, ["-http-port", String(port), "-https-port", String(await freePort())], { stdio: "ignore" });
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`stripe-mock exited with ${child.exitCode}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => {
        s.end();
        resolve(true);
      });
      s.on("error", () => resolve(false));
    });
    if (up) break;
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
    },
  };
}
