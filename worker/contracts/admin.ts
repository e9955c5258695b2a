import { z } from "zod";
import { roleSchema } from "./auth.ts";

export const adminUpdateUserSchema = z
  .object({
    role: roleSchema.optional(),
    status: z.enum(["ACTIVE", "SUSPENDED", "DELETED"]).optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((v) => v.role !== undefined || v.status !== undefined, "Nothing to change");
export type AdminUpdateUserInput = z.infer<typeof adminUpdateUserSchema>;
