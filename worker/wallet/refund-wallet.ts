import type { DbOrTx } from "../platform/db/client.ts";
import type { PaymentProvider } from "../../contracts/payments.ts";
import { postTransfer, type PostTransferResult } from "./post-transfer.ts";
import { resolveAccounts } from "./resolve-accounts.ts";

export interface RefundWalletOptions {
  userId: string;
  provider: PaymentProvider;
  /** Millicredits the refunded payment had bought (or the refunded part); positive. */
  amount: bigint;
  /** The provider's refund id (Stripe re_…, Coinbase charge id): the entries' reference. */
  refundId: string;
  paymentId?: string;
  /** Defaults to `refund:<provider>:<refundId>`. */
  idempotencyKey?: string;
  metadata?: Record<string, unknown>;
}

/**
 * Takes refunded credits back from the user's wallet to the provider's clearing account.
 * The money has left us whether or not the user already spent the credits, so the debit is
 * not conditional: if it takes the wallet below zero the entry is flagged clawback, and the
 * negative balance blocks spending until a deposit covers it.
 */
export async function refundWallet(db: DbOrTx, options: RefundWalletOptions): Promise<PostTransferResult> {
  if (options.amount <= 0n) throw new Error(`refundWallet: amount must be positive, got ${options.amount}`);
  const accounts = await resolveAccounts(db, { userWallet: options.userId, clearing: options.provider });
  const common = {
    type: "REFUND",
    referenceType: "REFUND",
    referenceId: options.refundId,
    metadata: {
      provider: options.provider,
      ...(options.paymentId === undefined ? {} : { paymentId: options.paymentId }),
      ...options.metadata,
    },
  } as const;
  return postTransfer(db, {
    idempotencyKey: options.idempotencyKey ?? `refund:${options.provider}:${options.refundId}`,
    description: `Refund via ${options.provider}`,
    legs: [
      { ...common, walletId: accounts.userWallet, amount: -options.amount, clawback: true },
      { ...common, walletId: accounts.clearing, amount: options.amount },
    ],
  });
}
