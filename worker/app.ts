import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { adminRoutes } from "./admin/admin.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { authenticate, requireAuth, requireRole } from "./auth/guards.ts";
import { jwksRoutes } from "./auth/jwks.routes.ts";
import { meRoutes } from "./auth/me.routes.ts";
import { ROLE_ACCESS } from "./auth/roles.ts";
import { categoryRoutes } from "./categories/categories.routes.ts";
import { devRoutes } from "./dev/dev.routes.ts";
import { AppError } from "./errors.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { csrfProtection } from "./middleware/csrf.ts";
import { adminPaymentRoutes } from "./payments/admin-payments.routes.ts";
import { paymentRoutes } from "./payments/payments.routes.ts";
import { webhookRoutes } from "./payments/webhooks/webhooks.routes.ts";
import { adminPriceRoutes, publicPriceRoutes } from "./prices/prices.routes.ts";
import { errorHandler, notFoundHandler } from "./middleware/error-handler.ts";
import { requestContext } from "./middleware/request-context.ts";
import type { AppEnv } from "./types.ts";
import { walletRoutes } from "./wallet/wallet.routes.ts";

/** The one app factory: production and every test build the app here. */
export function createApp() {
  const api = new Hono<AppEnv>()
    .use(
      bodyLimit({
        maxSize: 256 * 1024,
        onError: () => {
          throw new AppError("PAYLOAD_TOO_LARGE", 413, "The request body is too large");
        },
      }),
    )
    .use(requestContext)
    .use(csrfProtection)
    .use(authenticate)
    // Area guards, declared once from the role map; handlers still filter owned data by user.
    .use("/admin/*", requireRole(ROLE_ACCESS.admin))
    .use("/creator/*", requireRole(ROLE_ACCESS.creator))
    .use("/wallet/*", requireAuth())
    // The provider's return redirect must reach the page even if the access cookie lapsed
    // during checkout; it reveals nothing without a session (payments.routes.ts).
    .use("/payments/*", (c, next) => (c.req.path === "/api/payments/success" ? next() : requireAuth()(c, next)))
    .route("/health", healthRoutes)
    .route("/categories", categoryRoutes)
    .route("/auth", authRoutes)
    .route("/me", meRoutes)
    .route("/dev", devRoutes)
    .route("/wallet", walletRoutes)
    .route("/prices", publicPriceRoutes)
    .route("/payments", paymentRoutes)
    .route("/webhooks", webhookRoutes)
    .route("/admin/prices", adminPriceRoutes)
    .route("/admin", adminPaymentRoutes)
    .route("/admin", adminRoutes);
  api.onError(errorHandler);

  const wellKnown = new Hono<AppEnv>().use(requestContext).route("/", jwksRoutes);
  wellKnown.onError(errorHandler);

  const app = new Hono<AppEnv>();
  app.route("/api", api);
  app.route("/.well-known", wellKnown);
  app.all("/api/*", notFoundHandler);
  // Anything else is the client: static assets with the SPA fallback.
  app.all("*", (c) => c.env.ASSETS.fetch(c.req.raw));
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}

export type ApiApp = ReturnType<typeof createApp>;
