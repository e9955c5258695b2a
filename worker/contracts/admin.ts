import { z } from "zod";
import { roleSchema } from "./auth.ts";
import { adjustWalletSchema } from "./wallet.ts";

export const adminUpdateUserSchema = z
  .object({
    role: roleSchema.optional(),
    status: z.enum(["ACTIVE", "SUSPENDED", "DELETED"]).optional(),
    reason: z.string().trim().max(500).optional(),
    /** A signed credit adjustment booked as an ADJUSTMENT entry, with its reason. */
    walletAdjustment: adjustWalletSchema.optional(),
  })
  .refine(
    (v) => v.role !== undefined || v.status !== undefined || v.walletAdjustment !== undefined,
    "Nothing to change",
  );
export type AdminUpdateUserInput = z.infer<typeof adminUpdateUserSchema>;
