import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { categoryRoutes } from "./categories/categories.routes.ts";
import { AppError } from "./errors.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { errorHandler, notFoundHandler } from "./middleware/error-handler.ts";
import { requestContext } from "./middleware/request-context.ts";
import type { AppEnv } from "./types.ts";

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
    .route("/health", healthRoutes)
    .route("/categories", categoryRoutes);
  api.onError(errorHandler);

  const app = new Hono<AppEnv>();
  app.route("/api", api);
  app.all("/api/*", notFoundHandler);
  // Anything else is the client: static assets with the SPA fallback.
  app.all("*", (c) => c.env.ASSETS.fetch(c.req.raw));
  app.notFound(notFoundHandler);
  app.onError(errorHandler);
  return app;
}

export type ApiApp = ReturnType<typeof createApp>;
