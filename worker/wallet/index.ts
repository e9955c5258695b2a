// The wallet domain's front door. Nobody but wallet/ reads or writes the ledger tables:
// other domains book and read money through these functions.
export { adjustWallet } from "./adjust-wallet.ts";
export { bookMeterTick, type BookMeterTickInput, type MeterTickBooking } from "./book-meter-tick.ts";
export { checkLedgerInvariants, type LedgerViolation } from "./check-ledger-invariants.ts";
export { creditWallet } from "./credit-wallet.ts";
export { debitWallet } from "./debit-wallet.ts";
export { ensureCreatorEarnings, ensureSystemAccounts, ensureUserWallet } from "./ensure-accounts.ts";
export {
  getSessionLedgerTotals,
  type GetSessionLedgerTotalsInput,
  type SessionLedgerTotals,
} from "./get-session-ledger-totals.ts";
export { getCreatorAnalytics, type CreatorAnalytics, type CreatorAnalyticsInput } from "./get-creator-analytics.ts";
export { closedDaysEnd, fillAnalyticsRollup, type AnalyticsRollupFill } from "./fill-analytics-rollup.ts";
export { getCreatorEarnings, type CreatorEarnings } from "./get-creator-earnings.ts";
export { getStreamViewersByMinute } from "./get-stream-viewers-by-minute.ts";
export { getLedgerEntryByReference } from "./get-ledger-entry-by-reference.ts";
export { getWalletBalance, getWalletBalances, type WalletBalance } from "./get-wallet-balance.ts";
export { isTransactionIdempotent } from "./is-transaction-idempotent.ts";
export { listLedgerEntries } from "./list-ledger-entries.ts";
export { openSessionEscrow, type OpenSessionEscrowInput } from "./open-session-escrow.ts";
export { refundWallet } from "./refund-wallet.ts";
export {
  settleSessionEscrow,
  type SessionEscrowSettlement,
  type SettleSessionEscrowInput,
} from "./settle-session-escrow.ts";
export { sumPlatformRevenue } from "./sum-platform-revenue.ts";
export { sumRefundedForPayment } from "./sum-refunded-for-payment.ts";
export { toLedgerEntryDto } from "./to-ledger-entry-dto.ts";
export { toWalletBalanceDto } from "./to-wallet-balance-dto.ts";
export { transfer } from "./transfer.ts";
export { getMeteringTotals, type MeteringTotals } from "./metering-totals.ts";
export { streamStatsTables } from "./stream-stats.ts";
export { sumStreamMetering, type StreamMeteringSum } from "./sum-stream-metering.ts";
export { getWatchByDay, type WatchByDay } from "./get-watch-by-day.ts";
