import { loadSigningKeys } from "./auth/index.ts";
import { consumeNotifyMessages, type GoLiveMessage, type NotifyMessage } from "./notifications/index.ts";
import { createDb } from "./platform/db/client.ts";
import { parseConfig } from "./platform/env.ts";
import { createLogger } from "./platform/logger.ts";

/** The Worker's queue() entry: the notify queue's go-live fan-outs, one connection per batch. */
export async function runQueue(batch: { readonly messages: readonly NotifyMessage[] }, env: Env): Promise<void> {
  const config = parseConfig(env);
  const keys = await loadSigningKeys(config.JWT_PRIVATE_KEY, config.JWT_KEY_ID);
  const { db, close } = createDb({ url: config.DATABASE_URL, wsProxy: config.NEON_WS_PROXY, max: 1 });
  try {
    await consumeNotifyMessages(db, batch.messages, {
      config,
      keys,
      logger: createLogger({ job: "notify-queue" }),
      enqueue: async (m: GoLiveMessage) => {
        await env.NOTIFY_QUEUE.send(m);
      },
    });
  } finally {
    await close();
  }
}
