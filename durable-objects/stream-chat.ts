import { DurableObject } from "cloudflare:workers";

/**
 * One object per stream: hosts the chat WebSockets with the Hibernation API.
 * Skeleton until the chat issue (seed Prompt 7); see docs/STATUS.md.
 */
export class StreamChat extends DurableObject<Env> {
  async describe(): Promise<{ object: "StreamChat"; sockets: number }> {
    return { object: "StreamChat", sockets: this.ctx.getWebSockets().length };
  }
}
