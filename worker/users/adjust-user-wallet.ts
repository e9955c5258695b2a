import type { Db } from "../platform/db/client.ts";
import { AppError } from "../platform/errors.ts";
import { adjustWallet } from "../wallet/index.ts";
import { formatCredits, parseCredits } from "../../contracts/money.ts";

/** PATCH /api/admin/users/:id { walletAdjustment }: books the adjustment or says why not. */
export async function adjustUserWallet(
  db: Db,
  options: { userId: string; adminId: string; amount: string; reason: string; idempotencyKey?: string | undefined },
): Promise<{ status: "posted" | "duplicate"; amount: string; balanceAfter: string | null }> {
  const amount = parseCredits(options.amount, { allowNegative: true });
  const result = await adjustWallet(db, {
    userId: options.userId,
    amount,
    reason: options.reason,
    adminId: options.adminId,
    ...(options.idempotencyKey ? { idempotencyKey: `admin-adjust:${options.adminId}:${options.idempotencyKey}` } : {}),
  });
  if (result.status === "insufficient_funds") {
    throw new AppError("INSUFFICIENT_CREDITS", 409, "The user does not have that many credits to take back");
  }
  const own = result.entries.find((e) => e.userId === options.userId);
  return {
    status: result.status,
    amount: formatCredits(amount),
    balanceAfter: own ? formatCredits(own.balanceAfter) : null,
  };
}
