import { tryParseCredits } from "@contracts/money.ts";
import type { LedgerEntryDto } from "@contracts/wallet.ts";

const REFERENCES: Record<LedgerEntryDto["referenceType"], string> = {
  PAYMENT: "Credit purchase",
  METER_EVENT: "Stream viewing",
  REFUND: "Payment refund",
  ADMIN: "Adjustment by Tollgate",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PROVIDERS: Record<string, string> = { STRIPE: "card", stripe: "card", COINBASE: "crypto", coinbase: "crypto" };

export interface LedgerReference {
  label: string;
  /** A reason or provider from the entry's metadata, if it gives one. */
  detail: string | null;
  /** The first characters of the referenced id (a UUID), enough to match it up with support. */
  shortId: string | null;
}

/** What a ledger entry was for, in words. */
export function ledgerReference(
  entry: Pick<LedgerEntryDto, "referenceType" | "referenceId" | "metadata">,
): LedgerReference {
  const { reason, provider } = entry.metadata;
  let detail: string | null = null;
  if (typeof reason === "string" && reason.trim()) detail = reason.trim();
  else if (typeof provider === "string" && PROVIDERS[provider]) detail = `Paid by ${PROVIDERS[provider]}`;
  const shortId = UUID.test(entry.referenceId) ? entry.referenceId.slice(0, 8) : null;
  return { label: REFERENCES[entry.referenceType], detail, shortId };
}

/** The sign of an amount, for colouring ledger rows. */
export function creditsSign(value: string): -1 | 0 | 1 {
  const millis = tryParseCredits(value) ?? 0n;
  return millis > 0n ? 1 : millis < 0n ? -1 : 0;
}
