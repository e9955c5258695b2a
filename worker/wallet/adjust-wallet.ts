import type { DbOrTx } from "../platform/db/client.ts";
import { writeAuditLog } from "../platform/audit/write-audit-log.ts";
import { postTransfer, type PostTransferResult } from "./post-transfer.ts";
import { resolveAccounts } from "./resolve-accounts.ts";

export interface AdjustWalletOptions {
  userId: string;
  /** Signed millicredits: positive credits the user, negative takes credits back. */
  amount: bigint;
  reason: string;
  adminId: string;
  /** From the admin's request (Idempotency-Key), so a double-submitted form books once. */
  idempotencyKey?: string;
}

/**
 * An admin's manual correction between the user's wallet and platform revenue (goodwill
 * credits are a platform expense, so revenue may go negative). A negative adjustment cannot
 * overdraw the user: that is returned as insufficient_funds. The audit row commits or rolls
 * back with the booking.
 */
export async function adjustWallet(db: DbOrTx, options: AdjustWalletOptions): Promise<PostTransferResult> {
  if (options.amount === 0n) throw new Error("adjustWallet: amount must not be zero");
  const idempotencyKey = options.idempotencyKey ?? `adjust:${crypto.randomUUID()}`;
  const accounts = await resolveAccounts(db, { userWallet: options.userId, platformRevenue: true });
  const common = {
    type: "ADJUSTMENT",
    referenceType: "ADMIN",
    referenceId: idempotencyKey,
    metadata: { reason: options.reason, adminId: options.adminId },
  } as const;
  return db.transaction(async (tx) => {
    const result = await postTransfer(tx, {
      idempotencyKey,
      description: `Admin adjustment: ${options.reason}`,
      legs: [
        { ...common, walletId: accounts.userWallet, amount: options.amount },
        { ...common, walletId: accounts.platformRevenue, amount: -options.amount, allowNegative: true },
      ],
    });
    if (result.status === "posted") {
      await writeAuditLog(tx, {
        actorId: options.adminId,
        action: "wallet.adjust",
        targetType: "WALLET",
        targetId: accounts.userWallet,
        metadata: {
          userId: options.userId,
          amount: options.amount.toString(),
          reason: options.reason,
          transferId: result.transferId,
          idempotencyKey,
        },
      });
    }
    return result;
  });
}
