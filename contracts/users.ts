import { z } from "zod";
import { publicUserSchema, roleSchema, userStatusSchema } from "./auth.ts";
import { adjustWalletSchema, walletBalanceSchema } from "./wallet.ts";

export const adminUpdateUserSchema = z
  .object({
    role: roleSchema.optional(),
    status: userStatusSchema.optional(),
    reason: z.string().trim().max(500).optional(),
    /** A signed credit adjustment booked as an ADJUSTMENT entry, with its reason. */
    walletAdjustment: adjustWalletSchema.optional(),
  })
  .refine(
    (v) => v.role !== undefined || v.status !== undefined || v.walletAdjustment !== undefined,
    "Nothing to change",
  );
export type AdminUpdateUserInput = z.infer<typeof adminUpdateUserSchema>;

/** GET /api/admin/users: search by email (prefix, case-insensitive). */
export const adminUserSearchSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const adminUserSummarySchema = z.object({
  user: publicUserSchema,
  displayName: z.string().nullable(),
  /** Wallet balance in credits ("1000.000"); "0.000" when the user has no wallet yet. */
  balance: z.string(),
});
export type AdminUserSummary = z.infer<typeof adminUserSummarySchema>;
export const adminUserListSchema = z.object({ users: z.array(adminUserSummarySchema) });
export const adminUserDetailSchema = z.object({ user: adminUserSummarySchema, wallet: walletBalanceSchema });

/** PATCH /api/admin/users/:id answer. */
export const adminUserUpdateResultSchema = z.object({
  user: publicUserSchema,
  walletAdjustment: z
    .object({ status: z.enum(["posted", "duplicate"]), amount: z.string(), balanceAfter: z.string().nullable() })
    .optional(),
});

/** POST /api/wallet/reconcile answer. */
export const reconcileReportSchema = z.object({
  walletId: z.string(),
  cached: z.string(),
  computed: z.string(),
  difference: z.string(),
  corrected: z.boolean(),
});
