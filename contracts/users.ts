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

export const ADMIN_USER_SORTS = ["created", "email", "name", "role", "status"] as const;
export type AdminUserSort = (typeof ADMIN_USER_SORTS)[number];

/**
 * GET /api/admin/users: `email` matches an email prefix, `search` any part of the email or the
 * display name (both case-insensitive); role and status filter; one page of `limit` rows.
 */
export const adminUserSearchSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).default(""),
  search: z.string().trim().max(100).default(""),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  sort: z.enum(ADMIN_USER_SORTS).default("created"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type AdminUserSearch = z.infer<typeof adminUserSearchSchema>;

/** POST /api/admin/users/bulk: suspend or reactivate many accounts at once. */
export const BULK_USER_ACTIONS = ["suspend", "activate"] as const;
export const adminBulkUsersSchema = z.object({
  action: z.enum(BULK_USER_ACTIONS),
  userIds: z.array(z.uuid("userIds must be UUIDs")).min(1, "Choose at least one user").max(100),
  reason: z.string().trim().max(500).optional(),
});
export type AdminBulkUsersInput = z.infer<typeof adminBulkUsersSchema>;
export const adminBulkUsersResultSchema = z.object({
  /** Accounts whose status changed. */
  updated: z.array(z.string()),
  /** Accounts already in the target status (or deleted, which bulk actions never touch). */
  skipped: z.array(z.string()),
});
export type AdminBulkUsersResult = z.infer<typeof adminBulkUsersResultSchema>;

/** DELETE /api/admin/users/:id?reason=…: the reason is optional. */
export const adminDeleteUserSchema = z.object({ reason: z.string().trim().max(500).optional() });
export const adminDeleteUserResultSchema = z.object({ user: publicUserSchema });

export const adminUserSummarySchema = z.object({
  user: publicUserSchema,
  displayName: z.string().nullable(),
  /** Wallet balance in credits ("1000.000"); "0.000" when the user has no wallet yet. */
  balance: z.string(),
});
export type AdminUserSummary = z.infer<typeof adminUserSummarySchema>;
export const adminUserListSchema = z.object({
  users: z.array(adminUserSummarySchema),
  /** Users matching the filters, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
});
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
