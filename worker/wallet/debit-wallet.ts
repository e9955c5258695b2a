import type { DbOrTx } from "../platform/db/client.ts";
import type { ReferenceType } from "./wallet.schema.ts";
import { postTransfer, type PostTransferResult } from "./post-transfer.ts";
import { resolveAccounts } from "./resolve-accounts.ts";

export interface DebitWalletOptions {
  userId: string;
  /** Millicredits to take; positive. */
  amount: bigint;
  referenceType: ReferenceType;
  referenceId: string;
  /** Deterministic per purchase, chosen by the caller. */
  idempotencyKey: string;
  description?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Spends credits on the platform (user wallet → platform revenue). A short wallet is an
 * expected outcome, returned as `insufficient_funds`, not thrown.
 */
export async function debitWallet(db: DbOrTx, options: DebitWalletOptions): Promise<PostTransferResult> {
  if (options.amount <= 0n) throw new Error(`debitWallet: amount must be positive, got ${options.amount}`);
  const accounts = await resolveAccounts(db, { userWallet: options.userId, platformRevenue: true });
  const common = {
    type: "DEBIT",
    referenceType: options.referenceType,
    referenceId: options.referenceId,
    metadata: options.metadata ?? {},
  } as const;
  return postTransfer(db, {
    idempotencyKey: options.idempotencyKey,
    description: options.description ?? "Wallet debit",
    legs: [
      { ...common, walletId: accounts.userWallet, amount: -options.amount },
      { ...common, walletId: accounts.platformRevenue, amount: options.amount },
    ],
  });
}
