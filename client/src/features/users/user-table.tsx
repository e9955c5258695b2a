import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { AdminUserSummary } from "@contracts/users.ts";
import { displayCredits } from "../../lib/credits.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { Badge } from "../../ui/feedback/badge.tsx";
import { ROLE_LABELS } from "../auth/access.ts";
import { STATUS_LABELS } from "./admin-users.ts";

const STATUS_TONES = { ACTIVE: "green", SUSPENDED: "amber", DELETED: "neutral" } as const;

const columns: DataColumn<AdminUserSummary>[] = [
  { header: "Email", class: "font-medium", cell: (row) => row.user.email },
  {
    header: "Display name",
    cell: (row) => (
      <Show when={row.displayName} fallback={<span class="text-neutral-500 dark:text-neutral-400">—</span>}>
        {row.displayName}
      </Show>
    ),
  },
  { header: "Role", cell: (row) => ROLE_LABELS[row.user.role] },
  {
    header: "Status",
    cell: (row) => <Badge tone={STATUS_TONES[row.user.status]}>{STATUS_LABELS[row.user.status]}</Badge>,
  },
  { header: "Verified", cell: (row) => (row.user.emailVerified ? "Yes" : "No") },
  {
    header: "Balance",
    align: "right",
    class: "tabular-nums",
    testId: "admin-user-row-balance",
    cell: (row) => displayCredits(row.balance),
  },
  {
    header: "Actions",
    hideHeader: true,
    align: "right",
    cell: (row) => (
      <A
        href={`/admin/users/${encodeURIComponent(row.user.id)}`}
        class="rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
      >
        Manage<span class="sr-only"> {row.user.email}</span>
      </A>
    ),
  },
];

/** Users found by the admin search, each with a link to manage the account and its wallet. */
export function UserTable(props: { users: AdminUserSummary[] }) {
  return (
    <DataTable
      label="Users"
      columns={columns}
      rows={props.users}
      rowTestId="admin-user-row"
      rowData={(row) => ({ "data-email": row.user.email, "data-user-id": row.user.id })}
    />
  );
}
