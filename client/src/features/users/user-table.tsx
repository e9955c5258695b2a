import { A } from "@solidjs/router";
import { Show } from "solid-js";
import type { AdminUserSummary } from "@contracts/users.ts";
import { displayCredits } from "../../lib/credits.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { Badge } from "../../ui/feedback/badge.tsx";
import { ROLE_LABELS } from "../auth/access.ts";
import { STATUS_LABELS } from "./admin-users.ts";

const STATUS_TONES = { ACTIVE: "green", SUSPENDED: "amber", DELETED: "neutral" } as const;
const buttonClass =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

export interface UserTableProps {
  users: AdminUserSummary[];
  /** With these, each row gets a checkbox for bulk actions. */
  isSelected?: (userId: string) => boolean;
  onToggle?: (userId: string, selected: boolean) => void;
  /** With this, each row that is not deleted yet gets a Delete button. */
  onDelete?: (user: AdminUserSummary) => void;
}

/** Users found by the admin search, each with a link to manage the account and its wallet. */
export function UserTable(props: UserTableProps) {
  const columns = (): DataColumn<AdminUserSummary>[] => [
    ...(props.isSelected && props.onToggle
      ? [
          {
            header: "Select",
            hideHeader: true,
            cell: (row: AdminUserSummary) => (
              <input
                type="checkbox"
                class="size-4"
                data-testid="admin-user-select"
                aria-label={`Select ${row.user.email}`}
                checked={props.isSelected?.(row.user.id) ?? false}
                onChange={(event) => props.onToggle?.(row.user.id, event.currentTarget.checked)}
              />
            ),
          },
        ]
      : []),
    { header: "Email", class: "font-medium", cell: (row) => row.user.email },
    {
      header: "Display name",
      cell: (row) => (
        <Show when={row.displayName} fallback={<span class="text-neutral-500 dark:text-neutral-400">—</span>}>
          {row.displayName}
        </Show>
      ),
    },
    { header: "Role", testId: "admin-user-row-role", cell: (row) => ROLE_LABELS[row.user.role] },
    {
      header: "Status",
      testId: "admin-user-row-status",
      cell: (row) => <Badge tone={STATUS_TONES[row.user.status]}>{STATUS_LABELS[row.user.status]}</Badge>,
    },
    { header: "Verified", cell: (row) => (row.user.emailVerified ? "Yes" : "No") },
    { header: "Created", cell: (row) => new Date(row.user.createdAt).toLocaleDateString() },
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
        <div class="flex justify-end gap-2">
          <A href={`/admin/users/${encodeURIComponent(row.user.id)}`} class={buttonClass}>
            Manage<span class="sr-only"> {row.user.email}</span>
          </A>
          <Show when={props.onDelete && row.user.status !== "DELETED"}>
            <button
              type="button"
              class="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950"
              onClick={() => props.onDelete?.(row)}
            >
              Delete<span class="sr-only"> {row.user.email}</span>
            </button>
          </Show>
        </div>
      ),
    },
  ];
  return (
    <DataTable
      label="Users"
      columns={columns()}
      rows={props.users}
      rowTestId="admin-user-row"
      rowData={(row) => ({ "data-email": row.user.email, "data-user-id": row.user.id, "data-status": row.user.status })}
    />
  );
}
