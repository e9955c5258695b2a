import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { ROOT } from "./paths.ts";

const GOBIN = `${ROOT}.cache/bin`;
/** `go install …/cmd/server` names the binary after its folder. */
const CACHED_BIN = `${GOBIN}/server`;

/** The livekit-server module pinned in scripts/ci-tools.txt, which .ci/run installs too. */
export function liveKitModule(): string {
  for (const line of readFileSync(`${ROOT}scripts/ci-tools.txt`, "utf8").split("\n")) {
    const [bin, module] = line.trim().split(/\s+/);
    if (bin === "server" && module?.startsWith("github.com/livekit/livekit-server/")) return module;
  }
  throw new Error("scripts/ci-tools.txt has no livekit-server line");
}

/** LIVEKIT_SERVER_BIN, then the binary .ci/run builds into .cache/bin, then livekit-server on PATH. */
export function findLiveKitServer(): string | null {
  const candidates = [process.env.LIVEKIT_SERVER_BIN, CACHED_BIN, ...onPath("livekit-server")];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** Finds livekit-server, building it once with Go into .cache/bin when it is missing. */
export async function ensureLiveKitServer(log: (line: string) => void = console.log): Promise<string> {
  const found = findLiveKitServer();
  if (found) return found;
  const module = liveKitModule();
  const go = onPath("go")[0];
  if (!go) {
    throw new Error(
      [
        "livekit-server is not installed and Go is not on PATH to build it.",
        `Either install Go (>= 1.26, https://go.dev/dl/) and run again: the server is built once into .cache/bin,`,
        `or build it yourself: CGO_ENABLED=0 GOBIN="$PWD/.cache/bin" go install ${module}`,
        "or point LIVEKIT_SERVER_BIN at a livekit-server release binary (https://github.com/livekit/livekit-server/releases).",
      ].join("\n"),
    );
  }
  mkdirSync(GOBIN, { recursive: true });
  log(`Building livekit-server (${module}) into .cache/bin: a few minutes, once.`);
  await goInstall(go, module, log);
  if (!existsSync(CACHED_BIN)) throw new Error(`go install ${module} finished but ${CACHED_BIN} is missing`);
  return CACHED_BIN;
}

function goInstall(go: string, module: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    // -v lists each package as it compiles: a count of them is the progress we show.
    const child = spawn(go, ["install", "-v", module], {
      cwd: ROOT,
      env: { ...process.env, CGO_ENABLED: "0", GOBIN },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const tail: string[] = [];
    let packages = 0;
    let buf = "";
    child.stderr.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.startsWith("go: downloading")) packages++;
        tail.push(line);
        if (tail.length > 40) tail.shift();
      }
    });
    const ticker = setInterval(() => {
      log(`  … ${Math.round((Date.now() - started) / 1000)} s, ${packages} packages compiled`);
    }, 15_000);
    child.on("error", (error) => {
      clearInterval(ticker);
      reject(error);
    });
    child.on("exit", (code) => {
      clearInterval(ticker);
      if (code === 0) {
        log(`  built in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else {
        reject(new Error(`go install ${module} exited ${code}:\n${tail.join("\n")}`));
      }
    });
  });
}

function onPath(name: string): string[] {
  return (process.env.PATH ?? "")
    .split(":")
    .filter(Boolean)
    .map((dir) => `${dir}/${name}`)
    .filter((p) => existsSync(p));
}
