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

export const ROLE_FILTERS = ["VIEWER", "CREATOR", "MODERATOR", "ADMIN"] as const;
export const STATUS_FILTERS = ["ACTIVE", "SUSPENDED", "DELETED"] as const;
export const SORT_LABELS = {
  created: "Created",
  email: "Email",
  name: "Display name",
  role: "Role",
  status: "Status",
} as const;
export type UserSort = keyof typeof SORT_LABELS;

export interface UserListFilters {
  email: string;
  role: (typeof ROLE_FILTERS)[number] | undefined;
  status: (typeof STATUS_FILTERS)[number] | undefined;
  sort: UserSort;
  dir: "asc" | "desc";
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | undefined): T | undefined =>
  values.find((candidate) => candidate === value);

/** The users list's filters from the URL; anything unknown falls back to the default. */
export function parseUserFilters(params: Record<string, string | undefined>): UserListFilters {
  const page = Number(params.page);
  return {
    email: (params.email ?? "").trim().toLowerCase(),
    role: oneOf(ROLE_FILTERS, params.role),
    status: oneOf(STATUS_FILTERS, params.status),
    sort: oneOf(Object.keys(SORT_LABELS) as UserSort[], params.sort) ?? "created",
    dir: params.dir === "asc" ? "asc" : "desc",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** "Page 2 of 5 · 97 users". */
export function pageSummary(page: number, limit: number, total: number): string {
  const pages = Math.max(1, Math.ceil(total / limit));
  return `Page ${page} of ${pages} · ${total === 1 ? "1 user" : `${total} users`}`;
}
