import { DurableObject } from "cloudflare:workers";

/**
 * One object per viewer session: serializes metering ticks and wallet debits.
 * Skeleton until the metering issue (seed Prompt 5); see docs/STATUS.md.
 */
export class ViewerSession extends DurableObject<Env> {
  async describe(): Promise<{ object: "ViewerSession"; ticks: number }> {
    return { object: "ViewerSession", ticks: (await this.ctx.storage.get<number>("ticks")) ?? 0 };
  }
}
