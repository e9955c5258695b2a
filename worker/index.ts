import { createApp } from "./app.ts";
import { runQueue } from "./queue.ts";
import { runScheduled } from "./scheduled.ts";

export { RateLimiter } from "../durable-objects/rate-limiter.ts";
export { StreamChat } from "../durable-objects/stream-chat.ts";
export { UserNotifications } from "../durable-objects/user-notifications.ts";
export { ViewerSession } from "../durable-objects/viewer-session.ts";

const app = createApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => ctx.waitUntil(runScheduled(env, controller.cron)),
  queue: (batch, env) => runQueue(batch, env),
} satisfies ExportedHandler<Env>;
