import type { DbOrTx } from "../platform/db/client.ts";
import type { PaymentProvider } from "../../contracts/payments.ts";
import { postTransfer, type PostTransferResult } from "./post-transfer.ts";
import { resolveAccounts } from "./resolve-accounts.ts";

export interface CreditWalletOptions {
  userId: string;
  provider: PaymentProvider;
  /** Millicredits bought; positive. */
  amount: bigint;
  /** Our payment row id: the reference of both entries. */
  paymentId: string;
  /** Defaults to `payment:<paymentId>`, so a replayed webhook credits once. */
  idempotencyKey?: string;
  metadata?: Record<string, unknown>;
}

/** A confirmed purchase: credits leave the provider's clearing account for the user's wallet. */
export async function creditWallet(db: DbOrTx, options: CreditWalletOptions): Promise<PostTransferResult> {
  if (options.amount <= 0n) throw new Error(`creditWallet: amount must be positive, got ${options.amount}`);
  const accounts = await resolveAccounts(db, { userWallet: options.userId, clearing: options.provider });
  const common = {
    type: "DEPOSIT",
    referenceType: "PAYMENT",
    referenceId: options.paymentId,
    metadata: { provider: options.provider, ...options.metadata },
  } as const;
  return postTransfer(db, {
    idempotencyKey: options.idempotencyKey ?? `payment:${options.paymentId}`,
    description: `Deposit via ${options.provider}`,
    legs: [
      { ...common, walletId: accounts.clearing, amount: -options.amount },
      { ...common, walletId: accounts.userWallet, amount: options.amount },
    ],
  });
}
