// The client harness for bench-chat, in a process of its own so its CPU is counted apart from
// the servers': opens the sockets, sends the messages on schedule, and records at every socket
// when each message arrived. Forked by scripts/bench-chat.ts; the same code drives the
// StreamChat object and the Node baseline.
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import WebSocket from "ws";
import { chatServerMessageSchema, type ChatGate } from "../../contracts/chat.ts";
import {
  processCpuMs,
  summarize,
  type ClientsConfig,
  type ClientsResult,
  type FromClients,
  type OpenReport,
  type ToClients,
} from "./bench-chat-ipc.ts";

process.title = "chat-clients"; // /proc/<pid>/comm: keeps it apart from wrangler's node in the CPU groups

const OPEN_TIMEOUT_MS = 30_000;
/** After the drain, how long to keep listening for late messages, and the silence that ends it. */
const LATE_MAX_MS = 60_000;
const LATE_STALL_MS = 10_000;
/** Wall-clock ms with sub-ms precision, comparable across processes on this machine. */
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const bump = (counts: Record<string, number>, key: string) => (counts[key] = (counts[key] ?? 0) + 1);
const reply = (message: FromClients) => process.send?.(message);

const openLatencies: number[] = [];

interface Client {
  ws: WebSocket;
  /** received[seq] = 1 once this socket has the message. */
  received: Uint8Array;
  closing: boolean;
}

let config: ClientsConfig;
let total = 0;
const clients: Client[] = [];
let sendAt: Float64Array; // the send time of each seq (NaN: not sent)
let ackAt: Float64Array;
let lastAt: Float64Array; // the last receipt of each seq
let receipts: Float64Array; // latencies, every socket
let receiptCount = 0;
let duplicates = 0;
let lastReceiptAt = 0;
const accepted = new Set<number>();
const rejected: Record<string, number> = {};
const rejectedSeqs = new Set<number>();
const closedEarly: Record<string, number> = {};
const otherFrames: Record<string, number> = {};
const otherSamples: string[] = [];
const senderGates: Record<string, number> = {};
let running = false;

const TEXT_MARK = '"text":"b ';
const TYPE_MARK = '"type":"';
/**
 * A message's text is "b " and its seq in decimal, written with characters the auto-moderator
 * leaves alone: obscenity reads 0 1 3 4 5 7 as letters (leetspeak), and timestamps spelled in
 * them were masked as profanity. Consonants without c, f, k and the digits 8 and 9 spell no word.
 */
const SEQ_DIGITS = "89bdhmprwy";
const encodeSeq = (seq: number) => [...String(seq)].map((d) => SEQ_DIGITS[Number(d)]).join("");
function decodeSeq(text: string): number {
  let seq = 0;
  for (const ch of text) {
    const d = SEQ_DIGITS.indexOf(ch);
    if (d < 0) return -1;
    seq = seq * 10 + d;
  }
  return text.length ? seq : -1;
}

/**
 * The hot path: N sockets × rate frames a second. Message frames are read by position (the type,
 * then the seq this harness wrote) rather than parsed whole; every other frame is rare and parsed
 * with the contract's schema. Senders and receivers share this process, so a message's send time
 * is looked up by seq rather than carried in its text.
 */
function receive(client: Client, type: string, frame: string, text: string, at: number): void {
  const seq = decodeSeq(text);
  const sentAt = sendAt[seq] ?? Number.NaN;
  if (seq < 0 || seq >= total || Number.isNaN(sentAt)) {
    // Not a text this harness sent, or one the server changed: show one.
    const key = `${type} with a text not ours`;
    if (!otherFrames[key]) otherSamples.push(frame.slice(0, 300));
    bump(otherFrames, key);
    return;
  }
  if (client.received[seq]) {
    duplicates += 1;
    return;
  }
  client.received[seq] = 1;
  const latency = at - sentAt;
  receipts[receiptCount++] = latency;
  if (!(at <= (lastAt[seq] ?? 0))) lastAt[seq] = at;
  lastReceiptAt = at;
}

function onFrame(client: Client, frame: string, at: number, welcome: (gate: ChatGate) => void): void {
  const t = frame.indexOf(TYPE_MARK);
  const type = t < 0 ? "" : frame.slice(t + TYPE_MARK.length, frame.indexOf('"', t + TYPE_MARK.length));
  const isMessages = config.mode === "tollgate" && (type === "message" || type === "messages");
  if (isMessages || (config.mode === "baseline" && type === "send")) {
    // A "messages" frame carries several: take every text in it.
    for (let m = frame.indexOf(TEXT_MARK); m >= 0; m = frame.indexOf(TEXT_MARK, m + TEXT_MARK.length)) {
      const start = m + TEXT_MARK.length;
      receive(client, type, frame, frame.slice(start, frame.indexOf('"', start)), at);
    }
    return;
  }
  if (config.mode === "baseline") {
    bump(otherFrames, type || "unknown");
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    bump(otherFrames, "not JSON");
    return;
  }
  const parsed = chatServerMessageSchema.safeParse(json);
  if (!parsed.success) {
    bump(otherFrames, `${type || "unknown"} (not in the contract)`);
    return;
  }
  const msg = parsed.data;
  if (msg.type === "welcome") {
    welcome(msg.gate);
    return;
  }
  if (msg.type === "ack" || msg.type === "rejected") {
    const seq = Number(msg.clientId?.slice(1));
    if (!Number.isInteger(seq) || seq < 0 || seq >= total) {
      bump(otherFrames, `${msg.type} (unknown clientId)`);
      return;
    }
    if (msg.type === "ack") {
      ackAt[seq] = at;
      accepted.add(seq);
    } else {
      bump(rejected, msg.code);
      rejectedSeqs.add(seq);
    }
    return;
  }
  bump(otherFrames, msg.type);
}

function openOne(spec: ClientsConfig["sockets"][number], failed: Record<string, number>): Promise<Client | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(spec.url, {
      headers: spec.headers,
      perMessageDeflate: false,
      skipUTF8Validation: true,
      handshakeTimeout: OPEN_TIMEOUT_MS,
    });
    const client: Client = { ws, received: new Uint8Array(total), closing: false };
    let settled = false;
    const settle = (ok: boolean, why?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!ok) {
        bump(failed, why ?? "failed");
        ws.terminate();
      }
      if (ok) openLatencies.push(performance.now() - openedAt);
      resolve(ok ? client : null);
    };
    const timer = setTimeout(() => settle(false, "no welcome in 30 s"), OPEN_TIMEOUT_MS);
    const openedAt = performance.now();
    let welcomed = false;
    ws.on("message", (data: Buffer) => {
      const at = now();
      onFrame(client, data.toString("utf8"), at, (gate) => {
        // The welcome's gate says whether a sender may send at all (credit, verified email, …).
        if (spec.sender && !welcomed) bump(senderGates, gate.canSend ? "can send" : (gate.reason ?? "cannot send"));
        welcomed = true;
        settle(true);
      });
    });
    ws.on("open", () => {
      if (config.mode === "baseline") settle(true);
    });
    ws.on("unexpected-response", (_req, res) => settle(false, `HTTP ${res.statusCode ?? 0}`));
    ws.on("error", (error) => settle(false, error.message));
    ws.on("close", (code, reason) => {
      const key = `${code}${reason.length ? ` ${reason.toString("utf8")}` : ""}`;
      if (!settled) settle(false, `closed ${key}${welcomed ? "" : " before the welcome"}`);
      else if (!client.closing) bump(closedEarly, `${key}${running ? " (while sending)" : ""}`);
    });
  });
}

async function openAll(): Promise<{ open: OpenReport; senders: Client[] }> {
  const failed: Record<string, number> = {};
  const senders: Client[] = [];
  const t0 = performance.now();
  for (let i = 0; i < config.sockets.length; i += config.batch) {
    const batch = config.sockets.slice(i, i + config.batch);
    const opened = await Promise.all(batch.map((spec) => openOne(spec, failed)));
    opened.forEach((client, j) => {
      if (!client) return;
      clients.push(client);
      if (batch[j]?.sender) senders.push(client);
    });
  }
  return {
    open: {
      opened: clients.length,
      failed,
      seconds: (performance.now() - t0) / 1000,
      latency: summarize(Float64Array.from(openLatencies).sort()),
      senderGates,
      senders: senders.length,
    },
    senders,
  };
}

/** Message seq goes out at start + seq / rate from sender seq mod senders: each sender every senders / rate s. */
async function sendAll(senders: Client[]): Promise<{ lags: Float64Array; sent: number; seconds: number }> {
  const lags = new Float64Array(total);
  const interval = 1000 / config.rate;
  const start = performance.now() + 50;
  let seq = 0;
  running = true;
  while (seq < total) {
    const t = performance.now();
    while (seq < total && start + seq * interval <= t) {
      const sender = senders[seq % senders.length];
      const at = now();
      if (sender && sender.ws.readyState === WebSocket.OPEN) {
        sender.ws.send(JSON.stringify({ type: "send", text: `b ${encodeSeq(seq)}`, clientId: `c${seq}` }));
        sendAt[seq] = at;
        lags[seq] = t - (start + seq * interval);
      }
      seq += 1;
    }
    if (seq < total) await sleep(start + seq * interval - performance.now());
  }
  running = false;
  // Through the end of the last send's slot, so sent / seconds is the rate achieved.
  return { lags, sent: total, seconds: (performance.now() - start + interval) / 1000 };
}

async function run(): Promise<void> {
  total = Math.round(config.rate * config.seconds);
  sendAt = new Float64Array(total).fill(Number.NaN);
  ackAt = new Float64Array(total).fill(Number.NaN);
  lastAt = new Float64Array(total).fill(0);
  receipts = new Float64Array(total * config.sockets.length);

  const { open, senders } = await openAll();
  reply({ type: "opened", open });
  await new Promise<void>((resolve) => process.once("message", () => resolve())); // "go"
  if (senders.length === 0) throw new Error("no sender socket opened");

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const cpu0 = processCpuMs();
  const firstSendAt = now();
  const sending = await sendAll(senders);
  const cpuMs = processCpuMs() - cpu0;
  loop.disable();
  reply({ type: "sent" });

  // Drain: until every socket has every message sent, or the drain period ends.
  const sentCount = sendAt.reduce((n, v) => n + (Number.isNaN(v) ? 0 : 1), 0);
  const drainStart = performance.now();
  while (performance.now() - drainStart < config.drainMs) {
    const answered = config.mode === "baseline" || accepted.size + rejectedSeqs.size >= sentCount;
    if (
      answered &&
      receiptCount + duplicates >= (config.mode === "baseline" ? sentCount : accepted.size) * clients.length
    )
      break;
    await sleep(50);
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  if (config.mode === "baseline") {
    for (let s = 0; s < total; s++) if (!Number.isNaN(sendAt[s] ?? Number.NaN)) accepted.add(s);
  }
  const missingNow = () => {
    let missing = 0;
    for (const seq of accepted) for (const c of clients) if (!c.received[seq]) missing += 1;
    return missing;
  };
  const lost = missingNow();
  const acceptedAtDrain = accepted.size;
  const unanswered = () => (config.mode === "baseline" ? 0 : sentCount - accepted.size - rejectedSeqs.size);
  const unansweredAtDrain = unanswered();
  // Past the drain: keep listening while acks and receipts still arrive, to tell a backlog from
  // messages that never come.
  const afterDrain = performance.now();
  let seen = receiptCount + accepted.size + rejectedSeqs.size;
  let stalledSince = performance.now();
  while ((lost > 0 || unansweredAtDrain > 0) && performance.now() - afterDrain < LATE_MAX_MS) {
    await sleep(250);
    const progress = receiptCount + accepted.size + rejectedSeqs.size;
    if (progress !== seen) {
      seen = progress;
      stalledSince = performance.now();
    } else if (performance.now() - stalledSince > LATE_STALL_MS) break;
    if (unanswered() === 0 && receiptCount >= accepted.size * clients.length) break;
  }
  const lateSeconds = (performance.now() - afterDrain) / 1000;
  const lateCapped = performance.now() - afterDrain >= LATE_MAX_MS;
  const never = missingNow();
  let messagesWithLoss = 0;
  const fanout: number[] = [];
  const acks: number[] = [];
  for (const seq of accepted) {
    let missing = 0;
    for (const c of clients) if (!c.received[seq]) missing += 1;
    if (missing) messagesWithLoss += 1;
    else fanout.push((lastAt[seq] ?? Number.NaN) - (sendAt[seq] ?? Number.NaN));
    if (config.mode === "tollgate") acks.push((ackAt[seq] ?? Number.NaN) - (sendAt[seq] ?? Number.NaN));
  }
  let unackedReceived = 0;
  if (config.mode === "tollgate") {
    for (let seq = 0; seq < total; seq++) {
      if (accepted.has(seq)) continue;
      if (clients.some((c) => c.received[seq])) unackedReceived += 1;
    }
  }
  const sorted = (values: ArrayLike<number>) => Float64Array.from(values).sort();
  const result: ClientsResult = {
    open,
    sent: sentCount,
    accepted: acceptedAtDrain,
    acceptedLate: accepted.size - acceptedAtDrain,
    rejected,
    unanswered: unansweredAtDrain,
    unansweredAtEnd: unanswered(),
    lateSeconds,
    lateCapped,
    sendLag: summarize(sorted(sending.lags)),
    ackLatency: summarize(sorted(acks)),
    latency: summarize(receipts.subarray(0, receiptCount).sort()),
    fanoutLatency: summarize(sorted(fanout)),
    deliveries: receiptCount,
    expectedDeliveries: accepted.size * clients.length,
    lost,
    never,
    messagesWithLoss,
    duplicates,
    unackedReceived,
    deliveriesPerSecond: receiptCount / Math.max(1e-3, (lastReceiptAt - firstSendAt) / 1000),
    sendSeconds: sending.seconds,
    drainSeconds,
    closedEarly,
    otherFrames,
    otherSamples,
    cpuMs,
    eventLoopDelayP99Ms: loop.percentile(99) / 1e6,
  };
  reply({ type: "result", result });
  await new Promise<void>((resolve) => process.once("message", () => resolve())); // "close"
  for (const c of clients) {
    c.closing = true;
    c.ws.close(1000);
  }
  await sleep(200);
  reply({ type: "closed" });
}

process.once("message", (message: ToClients) => {
  if (message.type !== "start") throw new Error(`bench-chat-clients: expected "start", got "${message.type}"`);
  config = message.config;
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
