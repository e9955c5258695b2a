import { createApp } from "./app.ts";
import { runScheduled } from "./scheduled.ts";

export { RateLimiter } from "../durable-objects/rate-limiter.ts";
export { StreamChat } from "../durable-objects/stream-chat.ts";
export { ViewerSession } from "../durable-objects/viewer-session.ts";

const app = createApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (_controller, env, ctx) => ctx.waitUntil(runScheduled(env)),
} satisfies ExportedHandler<Env>;
