import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { freePort, freeUdpPort } from "./free-port.ts";

export interface LiveKitKeys {
  apiKey: string;
  apiSecret: string;
}

export interface LiveKitServer extends LiveKitKeys {
  /** Signalling URL for clients and the rtc SDKs: ws://127.0.0.1:<port>. */
  url: string;
  /** The same port over HTTP: RoomService (livekit-server-sdk), WHIP at /whip/v1, health at /. */
  httpUrl: string;
  stop(): Promise<void>;
}

export interface LiveKitOptions {
  keys?: LiveKitKeys;
  /** Where livekit-server POSTs its webhooks, signed with `keys`. */
  webhookUrls?: string[];
  /** The server's own output (warnings and errors only); kept for the error message either way. */
  log?: (line: string) => void;
  /** Fixed ports (one attempt); without them, free ports the OS hands out. */
  ports?: LiveKitPorts;
}

const keysFile = z.object({ apiKey: z.string().min(1), apiSecret: z.string().min(32) });

/** A development key pair, generated once and kept in a git-ignored file. */
export function ensureDevLiveKitKeys(path: string): LiveKitKeys {
  if (existsSync(path)) return keysFile.parse(JSON.parse(readFileSync(path, "utf8")));
  const keys = ephemeralLiveKitKeys();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600 });
  return keys;
}

/** A throwaway key pair for one test run (livekit-server wants secrets of 32 characters or more). */
export function ephemeralLiveKitKeys(): LiveKitKeys {
  return { apiKey: `API${randomBytes(6).toString("hex")}`, apiSecret: randomBytes(32).toString("base64url") };
}

export interface LiveKitPorts {
  /** HTTP and WebSocket signalling. */
  port: number;
  /** The one UDP port all WebRTC sessions share (ICE UDP mux). */
  udpPort: number;
}

/** The server's YAML config: loopback only, fixed ports, the given keys and webhook targets. */
export function liveKitConfig(ports: LiveKitPorts, keys: LiveKitKeys, webhookUrls: string[] = []): string {
  const config: YamlMap = {
    port: ports.port,
    bind_addresses: ["127.0.0.1"],
    rtc: {
      node_ip: "127.0.0.1",
      use_external_ip: false,
      enable_loopback_candidate: true,
      udp_port: ports.udpPort,
      // No ICE over TCP: its listener would bind every interface (and default to 7881 for all servers).
      tcp_port: 0,
      // Without it the UDP mux also listens on, and advertises, every other interface of the machine.
      ips: { includes: ["127.0.0.1/32"] },
    },
    keys: { [keys.apiKey]: keys.apiSecret },
    logging: { level: "warn", pion_level: "error" },
  };
  if (webhookUrls.length > 0) config.webhook = { api_key: keys.apiKey, urls: webhookUrls };
  return toYaml(config);
}

/** Starts livekit-server on loopback and resolves once its health check answers "OK". */
export async function startLiveKit(bin: string, options: LiveKitOptions = {}): Promise<LiveKitServer> {
  const keys = options.keys ?? ephemeralLiveKitKeys();
  if (options.ports) return launch(bin, keys, options, options.ports);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(bin, keys, options, { port: await freePort(), udpPort: await freeUdpPort() });
    } catch (error) {
      // Another process may take a probed port before the server binds it.
      const portTaken = error instanceof Error && error.message.includes("address already in use");
      if (!portTaken || attempt === 3) throw error;
    }
  }
}

async function launch(
  bin: string,
  keys: LiveKitKeys,
  options: LiveKitOptions,
  ports: LiveKitPorts,
): Promise<LiveKitServer> {
  const httpUrl = `http://127.0.0.1:${ports.port}`;
  // A clean environment: livekit-server also reads LIVEKIT_KEYS, NODE_IP, UDP_PORT, REDIS_HOST… from it.
  const child = spawn(bin, [], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      LIVEKIT_CONFIG: liveKitConfig(ports, keys, options.webhookUrls),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let spawnError: Error | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      spawnError = error;
      resolve();
    });
  });
  const running = () => spawnError === null && child.exitCode === null && child.signalCode === null;
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    let buf = "";
    stream.on("data", (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split("\n");
      buf = lines.pop() ?? "";
      for (const line of lines) {
        if (!line.trim()) continue;
        output.push(line);
        if (output.length > 50) output.shift();
        options.log?.(line);
      }
    });
  }
  // A test process that exits without stop() must not leave the server behind.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async (): Promise<void> => {
    process.off("exit", killOnExit);
    if (!running()) return;
    // The first SIGTERM drains: it waits, without end, for every participant to leave. The second one forces.
    child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGTERM"), 300);
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(force);
    clearTimeout(kill);
  };

  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (!running()) {
      process.off("exit", killOnExit);
      const why = spawnError ? String(spawnError) : `exited with ${child.exitCode ?? child.signalCode}`;
      throw new Error(`livekit-server (${bin}) ${why} before answering:\n${output.join("\n")}`);
    }
    try {
      const res = await fetch(`${httpUrl}/`);
      if (res.ok && (await res.text()).trim() === "OK") {
        return { url: `ws://127.0.0.1:${ports.port}`, httpUrl, ...keys, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`livekit-server did not answer on ${httpUrl} within 20 s:\n${output.join("\n")}`);
}

type YamlValue = string | number | boolean | YamlValue[] | YamlMap;
interface YamlMap {
  [key: string]: YamlValue;
}

/** Block-style YAML for plain data; JSON-quoted strings are valid YAML scalars. */
function toYaml(map: YamlMap, indent = ""): string {
  let out = "";
  for (const [name, value] of Object.entries(map)) {
    const key = /^[A-Za-z0-9_]+$/.test(name) ? name : JSON.stringify(name);
    if (Array.isArray(value)) {
      out += `${indent}${key}:\n`;
      for (const item of value) out += `${indent}  - ${scalar(item)}\n`;
    } else if (typeof value === "object") {
      out += `${indent}${key}:\n${toYaml(value, `${indent}  `)}`;
    } else {
      out += `${indent}${key}: ${scalar(value)}\n`;
    }
  }
  return out;
}

function scalar(value: YamlValue): string {
  if (typeof value === "object") throw new Error("nested YAML lists are not supported");
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}
