import { DurableObject } from "cloudflare:workers";
import { releaseHit, takeHit, type RateDecision, type WindowState } from "../worker/platform/rate-limit-window.ts";

/** One object per limited key (e.g. "login:ip:203.0.113.9"): serializes its hits. */
export class RateLimiter extends DurableObject<Env> {
  private state: WindowState = { hits: [] };
  private loaded = false;

  private async load(): Promise<void> {
    if (!this.loaded) {
      this.state = (await this.ctx.storage.get<WindowState>("window")) ?? { hits: [] };
      this.loaded = true;
    }
  }

  async hit(limit: number, windowMs: number): Promise<RateDecision> {
    await this.load();
    const now = Date.now();
    const [next, decision] = takeHit(this.state, now, limit, windowMs);
    this.state = next;
    await this.ctx.storage.put("window", next);
    // Clean up once the window has passed so idle keys cost nothing.
    await this.ctx.storage.setAlarm(now + windowMs);
    return decision;
  }

  /** Gives back the newest hit (worker/platform/rate-limit.ts `limitFailures`: a success does not count). */
  async release(): Promise<void> {
    await this.load();
    this.state = releaseHit(this.state);
    await this.ctx.storage.put("window", this.state);
  }

  /** Fires one window after the last hit (each hit moves it), so every stored hit has expired. */
  override async alarm(): Promise<void> {
    this.state = { hits: [] };
    await this.ctx.storage.deleteAll();
  }
}
