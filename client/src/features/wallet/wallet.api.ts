import { reconcileReportSchema } from "@contracts/users.ts";
import { ledgerPageSchema, walletBalanceSchema, type ListLedgerQuery } from "@contracts/wallet.ts";
import { apiFetch, post, query, type PageQuery } from "../../lib/api/core.ts";

export type LedgerQuery = PageQuery & { type?: ListLedgerQuery["type"] | undefined };

export const getBalance = (signal?: AbortSignal) =>
  apiFetch("/api/wallet/balance", { schema: walletBalanceSchema, signal });

export const listLedger = (params: LedgerQuery, signal?: AbortSignal) =>
  apiFetch(`/api/wallet/ledger${query({ ...params })}`, { schema: ledgerPageSchema, signal });

/** The CSV export is a plain download link (the browser saves the attachment), not a fetch. */
export const ledgerCsvUrl = (type?: ListLedgerQuery["type"]) => `/api/wallet/ledger.csv${query({ type })}`;

/** Admin only: compares a user's cached balance with the sum of the ledger, and repairs the cache. */
export const reconcileWallet = (userId: string) =>
  post("/api/admin/wallet/reconcile", reconcileReportSchema, { userId });
