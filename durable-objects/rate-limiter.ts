import { DurableObject } from "cloudflare:workers";
import { takeHit, type RateDecision, type WindowState } from "./rate-limit-window.ts";

/** One object per limited key (e.g. "login:ip:203.0.113.9"): serializes its hits. */
export class RateLimiter extends DurableObject<Env> {
  private state: WindowState = { hits: [] };
  private loaded = false;

  async hit(limit: number, windowMs: number): Promise<RateDecision> {
    if (!this.loaded) {
      this.state = (await this.ctx.storage.get<WindowState>("window")) ?? { hits: [] };
      this.loaded = true;
    }
    const now = Date.now();
    const [next, decision] = takeHit(this.state, now, limit, windowMs);
    this.state = next;
    await this.ctx.storage.put("window", next);
    // Clean up once the window has passed so idle keys cost nothing.
    await this.ctx.storage.setAlarm(now + windowMs);
    return decision;
  }

  /** Fires one window after the last hit (each hit moves it), so every stored hit has expired. */
  override async alarm(): Promise<void> {
    this.state = { hits: [] };
    await this.ctx.storage.deleteAll();
  }
}
