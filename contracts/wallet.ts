import { z } from "zod";

/**
 * Credits travel as decimal strings with at most three decimals ("12.5", "12.500"): the
 * server turns them into bigint millicredits with parseCredits, never through a float.
 * Twelve integer digits keep every amount far inside Postgres bigint.
 */
const CREDITS_PATTERN = /^\d{1,12}(\.\d{1,3})?$/;
const SIGNED_CREDITS_PATTERN = /^-?\d{1,12}(\.\d{1,3})?$/;
const isZero = (value: string) => /^-?0+(\.0+)?$/.test(value);

/** A positive amount of credits, e.g. a purchase or a debit. */
export const creditsAmountSchema = z
  .string()
  .trim()
  .regex(CREDITS_PATTERN, "Enter an amount like 12.5 (at most three decimals)")
  .refine((v) => !isZero(v), "The amount must be greater than zero");

/** A non-zero signed amount of credits: an admin adjustment may take credits away. */
export const signedCreditsAmountSchema = z
  .string()
  .trim()
  .regex(SIGNED_CREDITS_PATTERN, "Enter an amount like -12.5 (at most three decimals)")
  .refine((v) => !isZero(v), "The amount must not be zero");

/** Values of the wallet_kind enum: USER is a viewer wallet; the rest are ledger accounts. */
export const WALLET_KINDS = [
  "USER",
  "CREATOR_EARNINGS",
  "PLATFORM_REVENUE",
  "PROVIDER_CLEARING",
  /** One per viewing session: its ticks are debited here, then settled to creator and platform. */
  "SESSION_ESCROW",
] as const;
export const LEDGER_ENTRY_TYPES = ["DEPOSIT", "DEBIT", "REFUND", "ADJUSTMENT"] as const;
export const ledgerEntryTypeSchema = z.enum(LEDGER_ENTRY_TYPES);
export const REFERENCE_TYPES = ["PAYMENT", "METER_EVENT", "REFUND", "ADMIN"] as const;
export const referenceTypeSchema = z.enum(REFERENCE_TYPES);

/** Formatted credits as the server sends them: always three decimals, "-" when negative. */
const formattedCreditsSchema = z.string().regex(/^-?\d+\.\d{3}$/);

export const walletBalanceSchema = z.object({
  balance: formattedCreditsSchema,
  currency: z.literal("CREDITS"),
  /** Payments started but not yet confirmed by the provider. */
  pendingPayments: z.number().int().nonnegative(),
});
export type WalletBalanceDto = z.infer<typeof walletBalanceSchema>;

export const ledgerEntrySchema = z.object({
  id: z.string(),
  type: ledgerEntryTypeSchema,
  /** Signed: positive added credits to the wallet, negative took them. */
  amount: formattedCreditsSchema,
  /** The wallet balance right after this entry: a running balance for the history view. */
  balanceAfter: formattedCreditsSchema,
  referenceType: referenceTypeSchema,
  referenceId: z.string(),
  /** True when a refund took the wallet below zero on purpose. */
  clawback: z.boolean(),
  metadata: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type LedgerEntryDto = z.infer<typeof ledgerEntrySchema>;

export const ledgerPageSchema = z.object({
  entries: z.array(ledgerEntrySchema),
  nextCursor: z.string().nullable(),
});
export type LedgerPageDto = z.infer<typeof ledgerPageSchema>;

/** Query string of GET /api/wallet/ledger. */
export const listLedgerQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  type: ledgerEntryTypeSchema.optional(),
});
export type ListLedgerQuery = z.infer<typeof listLedgerQuerySchema>;

/** The walletAdjustment of PATCH /api/admin/users/:userId. */
export const adjustWalletSchema = z.object({
  amount: signedCreditsAmountSchema,
  reason: z.string().trim().min(3, "Give a reason of at least 3 characters").max(500),
});
export type AdjustWalletInput = z.infer<typeof adjustWalletSchema>;
