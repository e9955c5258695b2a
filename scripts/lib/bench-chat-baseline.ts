// The baseline for bench-chat: a plain Node `ws` server that broadcasts every text frame it
// receives, unparsed, to every connected socket. Forked by scripts/bench-chat.ts.
import { WebSocket, WebSocketServer } from "ws";
import { processCpuMs, type FromBaseline, type ToBaseline } from "./bench-chat-ipc.ts";

process.title = "chat-baseline"; // /proc/<pid>/comm: keeps it apart from wrangler's node in the CPU groups

const send = (message: FromBaseline) => process.send?.(message);
const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false, clientTracking: true });

wss.on("connection", (ws) => {
  ws.on("message", (data, isBinary) => {
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
  ws.on("error", () => ws.terminate());
});

wss.on("listening", () => {
  const address = wss.address();
  send({ type: "listening", port: typeof address === "object" && address ? address.port : 0 });
});

process.on("message", (message: ToBaseline) => {
  if (message.type === "cpu") send({ type: "cpu", ms: processCpuMs() });
  else if (message.type === "stop") {
    for (const client of wss.clients) client.terminate();
    wss.close(() => process.exit(0));
  }
});
process.on("disconnect", () => process.exit(0));
