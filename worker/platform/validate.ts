import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { AppError } from "./errors.ts";

/** zValidator whose failures become our 400 VALIDATION_FAILED body with the issues. */
export const validate = <T extends ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      throw new AppError(
        "VALIDATION_FAILED",
        400,
        "The request is invalid",
        result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      );
    }
  });
