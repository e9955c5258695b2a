import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.ts";
import type { AppEnv } from "../types.ts";

/** Longest Idempotency-Key we store (it becomes a ledger reference and a unique-key value). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;
const PRINTABLE = /^[\x21-\x7e]+$/;

/** Refuses a malformed Idempotency-Key on any route before it can reach the ledger: 400. */
export const idempotencyKeyCheck = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (key !== undefined && (key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !PRINTABLE.test(key))) {
    throw new AppError("VALIDATION_FAILED", 400, "The request is invalid", [
      {
        path: "headers.idempotency-key",
        message: `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters`,
      },
    ]);
  }
  await next();
});
