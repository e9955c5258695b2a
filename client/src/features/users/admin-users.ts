import type { PublicUser } from "@contracts/auth.ts";
import { displayCredits } from "../../lib/credits.ts";

export const STATUS_LABELS: Record<PublicUser["status"], string> = {
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  DELETED: "Deleted",
};

/** The `walletAdjustment` of a PATCH /api/admin/users/:id answer. */
export interface AdjustmentOutcome {
  status: "posted" | "duplicate";
  amount: string;
  balanceAfter: string | null;
}

/** "Booked: +25.500 credits, balance now 1,025.500"; a replayed request says it was booked before. */
export function adjustmentMessage(outcome: AdjustmentOutcome, locale?: string): string {
  const verb = outcome.status === "posted" ? "Booked" : "Already booked";
  const amount = `${verb}: ${displayCredits(outcome.amount, { locale, signed: true })} credits`;
  return outcome.balanceAfter === null
    ? `${amount}.`
    : `${amount}, balance now ${displayCredits(outcome.balanceAfter, { locale })}`;
}

/** The answer of POST /api/admin/wallet/reconcile. */
export interface ReconcileOutcome {
  cached: string;
  computed: string;
  difference: string;
  corrected: boolean;
}

export interface ReconcileLine {
  label: string;
  value: string;
  testId: string;
}

/** The report as label/value lines, in the order an admin reads it. */
export function reconcileLines(report: ReconcileOutcome, locale?: string): ReconcileLine[] {
  return [
    { label: "Cached balance", value: displayCredits(report.cached, { locale }), testId: "reconcile-cached" },
    {
      label: "Sum of ledger entries",
      value: displayCredits(report.computed, { locale }),
      testId: "reconcile-computed",
    },
    { label: "Difference", value: displayCredits(report.difference, { locale }), testId: "reconcile-difference" },
    { label: "Corrected", value: report.corrected ? "yes" : "no", testId: "reconcile-corrected" },
  ];
}
