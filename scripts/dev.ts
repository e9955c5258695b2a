import { type ChildProcess, spawn } from "node:child_process";
import { DEMO_PASSWORD, DEMO_USERS } from "./lib/seed-data.ts";
import { BIN, ROOT, toolEnv } from "./lib/paths.ts";
import { killTree, startStack } from "./lib/stack.ts";

/**
 * `npm run dev`: embedded Postgres (unless DATABASE_URL), WebSocket proxy, migrations, seed,
 * livekit-server (unless LIVEKIT_*), client build, `wrangler dev` with the Durable Objects.
 * `--hot` adds Vite's HMR server.
 */
const hot = process.argv.includes("--hot");
const stack = await startStack({
  mode: "dev",
  log: (l) => console.log(`[worker] ${l}`),
  logLiveKit: (l) => console.log(`[livekit] ${l}`),
});
const children: ChildProcess[] = [];
if (hot) {
  const vite = spawn(`${BIN}/vite`, ["--strictPort"], {
    cwd: ROOT,
    env: toolEnv({ API_ORIGIN: stack.url }),
    stdio: "inherit",
    detached: true,
  });
  children.push(vite);
}

console.log(`
  Tollgate is running at ${stack.url}${hot ? `\n  Hot-reload client at http://127.0.0.1:${process.env.CLIENT_PORT ?? 5173}` : ""}
  Database: ${stack.embedded ? "embedded PGlite (.data/pglite)" : "DATABASE_URL"}
  LiveKit:  ${
    !stack.livekit
      ? "off: no livekit-server (see [livekit] above); live video is unavailable"
      : stack.livekit.embedded
        ? `${stack.livekit.url} (embedded livekit-server, keys in .data/livekit-keys.json)`
        : `${stack.livekit.url || "(LIVEKIT_WS_URL unset)"} (LIVEKIT_*)`
  }

  Demo accounts (password: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `    ${u.role.padEnd(8)} ${u.email}`).join("\n")}

  Ctrl-C stops everything.
`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map(killTree));
  await stack.stop();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
