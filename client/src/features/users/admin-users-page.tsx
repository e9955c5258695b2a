import { useSearchParams } from "@solidjs/router";
import type { AdminUserSummary } from "@contracts/users.ts";
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  createUniqueId,
  Match,
  on,
  Show,
  Switch,
} from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createDebounced } from "../../lib/debounced.ts";
import { firstParam } from "../../lib/redirect.ts";
import { ConfirmDialog } from "../../ui/dialog/confirm-dialog.tsx";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { SelectField } from "../../ui/forms/select-field.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { ROLE_LABELS } from "../auth/access.ts";
import {
  pageSummary,
  parseUserFilters,
  ROLE_FILTERS,
  SORT_LABELS,
  STATUS_FILTERS,
  STATUS_LABELS,
  type UserListFilters,
} from "./admin-users.ts";
import { UserTable } from "./user-table.tsx";
import { bulkUpdateUsers, deleteUser, searchUsers, usersCsvUrl } from "./users.api.ts";

const SEARCH_DELAY_MS = 250;
const PAGE_SIZE = 20;
const inputClass =
  "mt-1 block w-full max-w-md rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900";
const buttonClass =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

type Pending =
  { kind: "bulk"; action: "suspend" | "activate"; userIds: string[] } | { kind: "delete"; user: AdminUserSummary };

/** /admin/users: find, filter and sort accounts; suspend or reactivate them in bulk; soft-delete one. */
export default function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const inputId = `user-search-${createUniqueId()}`;
  // Everything lives in the URL, so Back from a user's page returns to the same list.
  const filters = createMemo(() =>
    parseUserFilters({
      email: firstParam(params.email),
      role: firstParam(params.role),
      status: firstParam(params.status),
      sort: firstParam(params.sort),
      dir: firstParam(params.dir),
      page: firstParam(params.page),
    }),
  );
  const setFilter = (changes: Partial<Record<keyof UserListFilters, string | undefined>>) =>
    // A new filter starts again at page 1.
    setParams({ page: undefined, ...changes }, { replace: true });

  const [text, setText] = createSignal(firstParam(params.email) ?? "");
  const [typed, flush] = createDebounced(text, SEARCH_DELAY_MS);
  createEffect(on(typed, (value) => setFilter({ email: value.trim() || undefined }), { defer: true }));

  const [list, { refetch }] = createResource(filters, (f) =>
    searchUsers({
      email: f.email || undefined,
      role: f.role,
      status: f.status,
      sort: f.sort,
      dir: f.dir,
      page: f.page,
      limit: PAGE_SIZE,
    }),
  );
  const rows = () => list.latest?.users;

  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  createEffect(on(filters, () => setSelected(new Set<string>()), { defer: true }));
  const toggle = (userId: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(userId);
    else next.delete(userId);
    setSelected(next);
  };
  const pageIds = () => (rows() ?? []).filter((row) => row.user.status !== "DELETED").map((row) => row.user.id);
  const allSelected = () => pageIds().length > 0 && pageIds().every((id) => selected().has(id));

  const [pending, setPending] = createSignal<Pending | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [actionError, setActionError] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal("");

  const confirm = async () => {
    const current = pending();
    if (!current) return;
    setBusy(true);
    setActionError(null);
    try {
      if (current.kind === "bulk") {
        const result = await bulkUpdateUsers({ action: current.action, userIds: current.userIds });
        const verb = current.action === "suspend" ? "Suspended" : "Reactivated";
        setNotice(`${verb} ${result.updated.length} of ${current.userIds.length} selected users.`);
        setSelected(new Set<string>());
      } else {
        await deleteUser(current.user.user.id);
        setNotice(`Deleted ${current.user.user.email}.`);
      }
      setPending(null);
      void refetch();
    } catch (error) {
      setActionError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const dialog = () => {
    const current = pending();
    if (!current) return { title: "", description: "", label: "", pendingLabel: "" };
    if (current.kind === "delete") {
      return {
        title: `Delete ${current.user.user.email}?`,
        description:
          "The account is anonymised and signed out everywhere; it can no longer sign in. Its ledger history stays. This cannot be undone.",
        label: "Delete user",
        pendingLabel: "Deleting…",
      };
    }
    const count = current.userIds.length;
    const users = count === 1 ? "1 user" : `${count} users`;
    return current.action === "suspend"
      ? {
          title: `Suspend ${users}?`,
          description: "Suspended users are signed out at once and cannot sign in until reactivated.",
          label: "Suspend",
          pendingLabel: "Suspending…",
        }
      : {
          title: `Reactivate ${users}?`,
          description: "They can sign in again.",
          label: "Reactivate",
          pendingLabel: "Reactivating…",
        };
  };

  const total = () => list.latest?.total ?? 0;
  const pages = () => Math.max(1, Math.ceil(total() / PAGE_SIZE));
  const goTo = (page: number) => setParams({ page: page > 1 ? String(page) : undefined });
  const csvHref = () => {
    const f = filters();
    return usersCsvUrl({ email: f.email || undefined, role: f.role, status: f.status, sort: f.sort, dir: f.dir });
  };

  return (
    <div class="flex flex-col gap-8">
      <PageMeta title="Users · Admin · Tollgate" description="Manage Tollgate accounts." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Users and wallets</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Find accounts, suspend or reactivate them, or open one to manage its wallet.
        </p>
      </header>

      <form
        role="search"
        aria-label="Users"
        class="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          flush();
        }}
      >
        <div>
          <label for={inputId} class="block text-sm font-medium">
            Search by email
          </label>
          <input
            id={inputId}
            type="search"
            name="email"
            autocomplete="off"
            spellcheck={false}
            placeholder="Start of an email address"
            value={text()}
            onInput={(event) => setText(event.currentTarget.value)}
            aria-describedby={`${inputId}-hint`}
            class={inputClass}
          />
          <p id={`${inputId}-hint`} class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
            Matches the beginning of the address.
          </p>
        </div>
        <div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField
            label="Role"
            name="role"
            value={filters().role ?? ""}
            placeholder="Any role"
            options={ROLE_FILTERS.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
            onChange={(value) => setFilter({ role: value || undefined })}
          />
          <SelectField
            label="Status"
            name="status"
            value={filters().status ?? ""}
            placeholder="Any status"
            options={STATUS_FILTERS.map((status) => ({ value: status, label: STATUS_LABELS[status] }))}
            onChange={(value) => setFilter({ status: value || undefined })}
          />
          <SelectField
            label="Sort by"
            name="sort"
            value={filters().sort}
            options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(value) => setFilter({ sort: value === "created" ? undefined : value })}
          />
          <SelectField
            label="Order"
            name="dir"
            value={filters().dir}
            options={[
              { value: "desc", label: "Descending" },
              { value: "asc", label: "Ascending" },
            ]}
            onChange={(value) => setFilter({ dir: value === "desc" ? undefined : value })}
          />
        </div>
      </form>

      <section aria-labelledby="results-heading" aria-busy={list.loading} class="flex flex-col gap-4">
        <div class="flex flex-wrap items-center justify-between gap-3">
          <h2 id="results-heading" class="text-xl font-semibold">
            Results
          </h2>
          <a href={csvHref()} download="" class={buttonClass} data-testid="users-csv">
            Export CSV
          </a>
        </div>
        <p role="status" class="text-sm text-neutral-600 dark:text-neutral-400" data-testid="admin-user-search-status">
          {list.latest && !list.loading ? pageSummary(filters().page, PAGE_SIZE, total()) : ""}
        </p>
        <p role="status" aria-live="polite" class="text-sm font-medium empty:hidden" data-testid="admin-users-notice">
          {notice()}
        </p>

        <div class="flex flex-wrap items-center gap-3" role="group" aria-label="Bulk actions">
          <label class="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              class="size-4"
              checked={allSelected()}
              disabled={pageIds().length === 0}
              onChange={(event) => {
                const next = new Set(selected());
                for (const id of pageIds()) {
                  if (event.currentTarget.checked) next.add(id);
                  else next.delete(id);
                }
                setSelected(next);
              }}
            />
            Select all on this page
          </label>
          <span class="text-sm text-neutral-600 dark:text-neutral-400" data-testid="selected-count">
            {selected().size} selected
          </span>
          <button
            type="button"
            class={buttonClass}
            disabled={selected().size === 0}
            onClick={() => {
              setActionError(null);
              setPending({ kind: "bulk", action: "suspend", userIds: [...selected()] });
            }}
          >
            Suspend selected
          </button>
          <button
            type="button"
            class={buttonClass}
            disabled={selected().size === 0}
            onClick={() => {
              setActionError(null);
              setPending({ kind: "bulk", action: "activate", userIds: [...selected()] });
            }}
          >
            Reactivate selected
          </button>
        </div>

        <Switch>
          <Match when={list.error && !list.latest}>
            <ErrorNotice message={errorMessage(list.error)} onRetry={() => void refetch()} />
          </Match>
          <Match when={!list.latest}>
            <LoadingNotice label="Searching users…" />
          </Match>
          <Match when={rows()?.length === 0}>
            <EmptyNotice message="No users match these filters." />
          </Match>
          <Match when={rows()}>
            {(current) => (
              <UserTable
                users={current()}
                isSelected={(id) => selected().has(id)}
                onToggle={toggle}
                onDelete={(user) => {
                  setActionError(null);
                  setPending({ kind: "delete", user });
                }}
              />
            )}
          </Match>
        </Switch>
        <Show when={list.error && list.latest}>
          <ErrorNotice message={errorMessage(list.error)} onRetry={() => void refetch()} />
        </Show>

        <nav aria-label="Pages" class="flex items-center gap-3">
          <button
            type="button"
            class={buttonClass}
            disabled={filters().page <= 1}
            onClick={() => goTo(filters().page - 1)}
          >
            Previous
          </button>
          <span class="text-sm tabular-nums" data-testid="users-page">
            Page {filters().page} of {pages()}
          </span>
          <button
            type="button"
            class={buttonClass}
            disabled={filters().page >= pages()}
            onClick={() => goTo(filters().page + 1)}
          >
            Next
          </button>
        </nav>
      </section>

      <ConfirmDialog
        open={pending() !== null}
        title={dialog().title}
        description={dialog().description}
        confirmLabel={dialog().label}
        pendingLabel={dialog().pendingLabel}
        pending={busy()}
        error={actionError()}
        danger={pending()?.kind === "delete" || (pending()?.kind === "bulk" && dialog().label === "Suspend")}
        onConfirm={() => void confirm()}
        onClose={() => {
          if (!busy()) setPending(null);
        }}
      />
    </div>
  );
}
