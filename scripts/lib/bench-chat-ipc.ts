import type { ChildProcess } from "node:child_process";

/**
 * What bench-chat and its two child processes (the client harness, the Node baseline server)
 * say to each other over the fork IPC channel. Both ends are this repository's own scripts.
 */

export interface ChatSocketSpec {
  url: string;
  headers: Record<string, string>;
  /** This socket sends its share of the messages. */
  sender: boolean;
}

export interface ClientsConfig {
  /** tollgate: the StreamChat protocol (welcome, ack, message); baseline: every frame is echoed to all. */
  mode: "tollgate" | "baseline";
  sockets: ChatSocketSpec[];
  /** Messages per second, all senders together. */
  rate: number;
  seconds: number;
  drainMs: number;
  /** Sockets opened at once. */
  batch: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
}

export interface OpenReport {
  opened: number;
  failed: Record<string, number>;
  seconds: number;
  /** Connect → welcome (tollgate) or open (baseline), per socket. */
  latency: LatencySummary;
  /** tollgate: each sender's gate in its welcome ("can send" or the reason). */
  senderGates: Record<string, number>;
  senders: number;
}

export interface ClientsResult {
  open: OpenReport;
  sent: number;
  /** tollgate: acked; baseline: every message sent. */
  accepted: number;
  /** Acked after the drain (not counted in accepted, lost or expectedDeliveries). */
  acceptedLate: number;
  rejected: Record<string, number>;
  /** Sent, neither acked nor rejected by the end of the drain, and once acks stopped coming. */
  unanswered: number;
  unansweredAtEnd: number;
  /** How long the harness listened past the drain. */
  lateSeconds: number;
  /** The harness stopped listening at its limit while acks or receipts were still arriving. */
  lateCapped: boolean;
  /** How late the sends went out against their schedule (a late harness), ms. */
  sendLag: LatencySummary;
  ackLatency: LatencySummary;
  /** Send → receipt, at every socket. */
  latency: LatencySummary;
  /** Send → receipt at the last socket to get it, per accepted message. */
  fanoutLatency: LatencySummary;
  /** Receipts of accepted messages by the end, and accepted messages (drain and after) × sockets. */
  deliveries: number;
  expectedDeliveries: number;
  /** (message acked by the end of the drain, socket) pairs not received by the end of the drain. */
  lost: number;
  /** Deliveries of all messages acked by the end still missing once receipts stopped coming (up to a minute after the drain). */
  never: number;
  /** Accepted messages missing at ≥ 1 socket in the end. */
  messagesWithLoss: number;
  duplicates: number;
  /** Messages received that were never acked (the ack was lost or late). */
  unackedReceived: number;
  /** Receipts per second from the first send to the last receipt. */
  deliveriesPerSecond: number;
  sendSeconds: number;
  drainSeconds: number;
  /** Sockets the server closed before the harness did, by close code. */
  closedEarly: Record<string, number>;
  otherFrames: Record<string, number>;
  /** The first frame of each unexpected kind. */
  otherSamples: string[];
  /** The harness's own CPU over the send window, ms, and its event-loop delay (saturation). */
  cpuMs: number;
  eventLoopDelayP99Ms: number;
}

export type ToClients = { type: "start"; config: ClientsConfig } | { type: "go" } | { type: "close" };
export type FromClients =
  | { type: "opened"; open: OpenReport }
  | { type: "sent" }
  | { type: "result"; result: ClientsResult }
  | { type: "closed" };
export type ToBaseline = { type: "cpu" } | { type: "stop" };
export type FromBaseline = { type: "listening"; port: number } | { type: "cpu"; ms: number };

export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The next IPC message of `type` from `child`; rejects if it exits first. */
export function nextMessage<T extends { type: string }, K extends T["type"]>(
  child: ChildProcess,
  type: K,
  timeoutMs = 600_000,
): Promise<Extract<T, { type: K }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (typeof message === "object" && message !== null && (message as { type?: unknown }).type === type) {
        cleanup();
        resolve(message as Extract<T, { type: K }>); // our own child, our own types (above)
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`child exited (${code ?? signal}) before sending "${type}"`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no "${type}" from the child in ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.on("exit", onExit);
  });
}

export function summarize(sorted: Float64Array): LatencySummary {
  const at = (p: number) =>
    sorted.length === 0
      ? Number.NaN
      : (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN);
  return {
    count: sorted.length,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    p999: at(99.9),
    max: sorted.length ? (sorted[sorted.length - 1] ?? Number.NaN) : Number.NaN,
  };
}
