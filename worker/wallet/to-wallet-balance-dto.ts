import type { WalletBalanceDto } from "../contracts/wallet.ts";
import type { WalletBalance } from "./get-wallet-balance.ts";
import { formatCredits } from "./money.ts";

export function toWalletBalanceDto(balance: WalletBalance): WalletBalanceDto {
  return {
    balance: formatCredits(balance.balance),
    currency: balance.currency,
    pendingPayments: balance.pendingPayments,
  };
}
