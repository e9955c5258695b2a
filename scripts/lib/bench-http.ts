import http from "node:http";
import { performance } from "node:perf_hooks";

/** A keep-alive HTTP/1.1 client for the benchmarks: at most `connections` sockets, reused. */
export interface BenchClient {
  send(request: BenchRequest): Promise<BenchResponse>;
  close(): void;
}

export interface BenchRequest {
  method: "GET" | "POST" | "DELETE";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface BenchResponse {
  status: number;
  body: string;
  ms: number;
}

export function createBenchClient(baseUrl: string, connections: number): BenchClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  return {
    send: (request) =>
      new Promise((resolve, reject) => {
        const started = performance.now();
        const headers: Record<string, string | number> = { ...request.headers };
        if (request.body !== undefined) {
          headers["content-type"] ??= "application/json";
          headers["content-length"] = Buffer.byteLength(request.body);
        }
        const req = http.request(
          { host: url.hostname, port: url.port, method: request.method, path: request.path, headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () =>
              resolve({
                status: res.statusCode ?? 0,
                body: Buffer.concat(chunks).toString("utf8"),
                ms: performance.now() - started,
              }),
            );
            res.on("error", reject);
          },
        );
        req.setTimeout(30_000, () => req.destroy(new Error(`${request.method} ${request.path}: no answer in 30 s`)));
        req.on("error", reject);
        req.end(request.body);
      }),
    close: () => agent.destroy(),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface FixedRun {
  requests: number;
  seconds: number;
  latenciesMs: number[];
  statuses: Record<string, number>;
}

/** `connections` loops send the same request back to back for `durationMs`: the route's ceiling. */
export async function hammer(
  client: BenchClient,
  request: BenchRequest,
  connections: number,
  durationMs: number,
): Promise<FixedRun> {
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const res = await client.send(request);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        latenciesMs.push(res.ms);
      }
    }),
  );
  latenciesMs.sort((a, b) => a - b);
  return { requests: latenciesMs.length, seconds: (performance.now() - started) / 1000, latenciesMs, statuses };
}

/** p50/p99 of a sorted sample, for one printed line. */
export function latencyLine(sorted: readonly number[]): string {
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms  p99 ${percentile(sorted, 99).toFixed(1)} ms`;
}
