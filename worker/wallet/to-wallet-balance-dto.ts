import { formatCredits } from "../../contracts/money.ts";
import type { WalletBalanceDto } from "../../contracts/wallet.ts";
import type { WalletBalance } from "./get-wallet-balance.ts";

/** pendingPayments comes from the payments domain (payments started, not yet confirmed). */
export function toWalletBalanceDto(balance: WalletBalance, pendingPayments: number): WalletBalanceDto {
  return { balance: formatCredits(balance.balance), currency: balance.currency, pendingPayments };
}
