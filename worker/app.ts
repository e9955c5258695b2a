import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { except } from "hono/combine";
import { auditAdminRoutes } from "./audit/audit.admin.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { jwksRoutes } from "./auth/jwks.routes.ts";
import { authenticate } from "./auth/index.ts";
import { chatAdminRoutes } from "./chat/chat.admin.routes.ts";
import { chatRoutes } from "./chat/chat.routes.ts";
import { categoriesRoutes } from "./categories/categories.routes.ts";
import { creatorsRoutes } from "./creators/creators.routes.ts";
import { creatorsPublicRoutes } from "./creators/creators.public.routes.ts";
import { followsRoutes } from "./follows/follows.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { meteringAdminRoutes } from "./metering/metering.admin.routes.ts";
import { meteringRoutes } from "./metering/metering.routes.ts";
import { overviewAdminRoutes } from "./overview/overview.admin.routes.ts";
import { paymentsAdminRoutes } from "./payments/payments.admin.routes.ts";
import { revenueAdminRoutes } from "./payments/revenue.admin.routes.ts";
import { paymentsDevRoutes } from "./payments/payments.dev.routes.ts";
import { paymentsRoutes } from "./payments/payments.routes.ts";
import { paymentsWebhookRoutes } from "./payments/webhooks.routes.ts";
import { appealsRoutes } from "./moderation/appeals.routes.ts";
import { moderationRoutes } from "./moderation/moderation.routes.ts";
import { reportsRoutes } from "./moderation/reports.routes.ts";
import { notificationsRoutes } from "./notifications/notifications.routes.ts";
import { outboxRoutes } from "./platform/email/outbox.routes.ts";
import { AppError } from "./platform/errors.ts";
import { csrfProtection } from "./platform/middleware/csrf.ts";
import { devOnly } from "./platform/middleware/dev-only.ts";
import { errorHandler, notFoundHandler } from "./platform/middleware/error-handler.ts";
import { idempotencyKeyCheck } from "./platform/middleware/idempotency-key.ts";
import { requestContext } from "./platform/middleware/request-context.ts";
import { securityHeaders } from "./platform/middleware/security-headers.ts";
import type { AppEnv } from "./platform/types.ts";
import { pricesAdminRoutes } from "./prices/prices.admin.routes.ts";
import { pricesRoutes } from "./prices/prices.routes.ts";
import { livekitWebhookRoutes } from "./streams/livekit-webhook.routes.ts";
import { streamAnalyticsAdminRoutes, streamsAdminRoutes } from "./streams/streams.admin.routes.ts";
import { streamsRoutes } from "./streams/streams.routes.ts";
import { mediaRoutes } from "./uploads/media.routes.ts";
import { uploadsRoutes } from "./uploads/uploads.routes.ts";
import { meRoutes } from "./users/me.routes.ts";
import { usersAdminRoutes } from "./users/users.admin.routes.ts";
import { walletAdminRoutes } from "./wallet/wallet.admin.routes.ts";
import { walletRoutes } from "./wallet/wallet.routes.ts";

/**
 * The one app factory: production and every test build the app here. It only composes:
 * each router declares its own guards (auth's requireAuth/requireRole from the one role map)
 * where its routes are declared. A domain's admin endpoints mount under /api/admin/<domain>.
 */
export function createApp() {
  const dev = new Hono<AppEnv>().use(devOnly()).route("/", outboxRoutes).route("/checkout", paymentsDevRoutes);

  const api = new Hono<AppEnv>()
    // Image uploads declare their own, larger limit (uploads.routes.ts).
    .use(
      except(
        "/api/upload/*",
        bodyLimit({
          maxSize: 256 * 1024,
          onError: () => {
            throw new AppError("PAYLOAD_TOO_LARGE", 413, "The request body is too large");
          },
        }),
      ),
    )
    .use(requestContext)
    .use(idempotencyKeyCheck)
    .use(csrfProtection)
    .use(authenticate)
    .route("/health", healthRoutes)
    .route("/categories", categoriesRoutes)
    .route("/auth", authRoutes)
    .route("/me", meRoutes)
    .route("/creator", creatorsRoutes)
    .route("/creators", creatorsPublicRoutes)
    .route("/", followsRoutes)
    .route("/dev", dev)
    .route("/wallet", walletRoutes)
    .route("/prices", pricesRoutes)
    .route("/payments", paymentsRoutes)
    .route("/streams", streamsRoutes)
    .route("/upload", uploadsRoutes)
    .route("/streams", chatRoutes)
    .route("/reports", reportsRoutes)
    .route("/notifications", notificationsRoutes)
    .route("/moderation", moderationRoutes)
    .route("/appeals", appealsRoutes)
    .route("/", meteringRoutes)
    .route("/webhooks", paymentsWebhookRoutes)
    .route("/webhooks", livekitWebhookRoutes)
    .route("/admin/users", usersAdminRoutes)
    .route("/admin/overview", overviewAdminRoutes)
    .route("/admin/wallet", walletAdminRoutes)
    .route("/admin/payments", paymentsAdminRoutes)
    .route("/admin/streams", streamsAdminRoutes)
    .route("/admin/analytics", revenueAdminRoutes)
    .route("/admin/analytics", streamAnalyticsAdminRoutes)
    .route("/admin/prices", pricesAdminRoutes)
    .route("/admin/chat-settings", chatAdminRoutes)
    // The seed's paths: /api/admin/metering-config and /api/admin/metering-stats.
    .route("/admin", meteringAdminRoutes)
    // GET /api/admin/audit-logs and /api/admin/audit-logs.csv.
    .route("/admin", auditAdminRoutes);
  api.onError(errorHandler);

  const wellKnown = new Hono<AppEnv>().use(requestContext).route("/", jwksRoutes);
  wellKnown.onError(errorHandler);

  const app = new Hono<AppEnv>();
  // First, so every response gets the headers: API, errors, 404s and the SPA's assets.
  app.use(securityHeaders);
  app.route("/api", api);
  app.route("/.well-known", wellKnown);
  app.all("/api/*", notFoundHandler);
  // Uploaded images from R2, before the SPA fallback.
  app.route("/media", mediaRoutes);
  // Anything else is the client: static assets with the SPA fallback.
  app.all("*", (c) => c.env.ASSETS.fetch(c.req.raw));
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}

export type ApiApp = ReturnType<typeof createApp>;
