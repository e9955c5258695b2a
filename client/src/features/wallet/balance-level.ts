import { tryParseCredits } from "@contracts/money.ts";

export type BalanceLevel = "healthy" | "low" | "empty";

/** Thresholds in millicredits: at least 100 credits is healthy, at least 10 is low. */
const HEALTHY_FROM = 100_000n;
const LOW_FROM = 10_000n;

export function balanceLevel(balance: string): BalanceLevel {
  const millis = tryParseCredits(balance) ?? 0n;
  if (millis >= HEALTHY_FROM) return "healthy";
  if (millis >= LOW_FROM) return "low";
  return "empty";
}

/** Words for each level, so the indicator never relies on colour alone. */
export const BALANCE_LEVEL_LABELS: Record<BalanceLevel, string> = {
  healthy: "Healthy balance",
  low: "Running low",
  empty: "Almost empty",
};
