import type { AuditLogEntryDto } from "@contracts/audit.ts";
import { A, useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Show } from "solid-js";
import { createCursorList } from "../../lib/cursor-list.ts";
import { firstParam } from "../../lib/redirect.ts";
import { DataTable, type DataColumn } from "../../ui/data-table.tsx";
import { CursorListView } from "../../ui/feedback/cursor-list-view.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { auditLogCsvUrl, listAuditLogs } from "./admin.api.ts";
import { auditFiltersFromForm, EMPTY_AUDIT_FORM, KNOWN_ACTIONS, metadataText, type AuditLogForm } from "./audit-log.ts";

const PAGE_SIZE = 50;
const FIELDS: { key: keyof AuditLogForm; label: string; type: "text" | "date"; placeholder?: string }[] = [
  { key: "action", label: "Action", type: "text", placeholder: "user.status_changed" },
  { key: "actorId", label: "Actor id", type: "text", placeholder: "UUID of the admin" },
  { key: "targetType", label: "Target type", type: "text", placeholder: "USER" },
  { key: "targetId", label: "Target id", type: "text" },
  { key: "from", label: "From (day)", type: "date" },
  { key: "to", label: "To (day, inclusive)", type: "date" },
];
const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900";
const buttonClass =
  "rounded-md border border-neutral-300 px-3 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";

const columns: DataColumn<AuditLogEntryDto>[] = [
  {
    header: "Time",
    class: "tabular-nums",
    cell: (row) => <time datetime={row.createdAt}>{new Date(row.createdAt).toLocaleString()}</time>,
  },
  { header: "Action", class: "font-medium", testId: "audit-action", cell: (row) => row.action },
  {
    header: "Actor",
    cell: (row) => (
      <Show when={row.actor} fallback={<span class="text-neutral-500 dark:text-neutral-400">System</span>}>
        {(actor) => (
          <A
            href={`/admin/users/${encodeURIComponent(actor().id)}`}
            class="text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {actor().email}
          </A>
        )}
      </Show>
    ),
  },
  {
    header: "Target",
    testId: "audit-target",
    cell: (row) => (
      <span>
        {row.targetType}{" "}
        <Show when={row.targetType === "USER"} fallback={<code class="text-xs">{row.targetId}</code>}>
          <A
            href={`/admin/users/${encodeURIComponent(row.targetId)}`}
            class="text-xs text-indigo-600 hover:underline dark:text-indigo-400"
          >
            <code>{row.targetId}</code>
          </A>
        </Show>
      </span>
    ),
  },
  { header: "IP", cell: (row) => row.ip ?? "—" },
  {
    header: "Details",
    class: "whitespace-normal",
    cell: (row) => (
      <details class="max-w-md" data-testid="audit-details">
        <summary class="cursor-pointer text-sm text-indigo-600 dark:text-indigo-400">Metadata</summary>
        <pre class="mt-2 overflow-x-auto rounded-md bg-neutral-100 p-2 text-xs dark:bg-neutral-800">
          {metadataText(row.metadata)}
        </pre>
      </details>
    ),
  },
];

/** /admin/audit-log: who changed what, filtered, newest first, with the filtered set as CSV. */
export default function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const applied = createMemo((): AuditLogForm => ({
    action: firstParam(params.action) ?? "",
    actorId: firstParam(params.actorId) ?? "",
    targetType: firstParam(params.targetType) ?? "",
    targetId: firstParam(params.targetId) ?? "",
    from: firstParam(params.from) ?? "",
    to: firstParam(params.to) ?? "",
  }));
  const [form, setForm] = createSignal<AuditLogForm>({ ...applied() });
  const filters = createMemo(() => auditFiltersFromForm(applied()));
  const list = createCursorList({
    key: filters,
    fetchPage: async (key, cursor, signal) => {
      const page = await listAuditLogs({ ...key, cursor, limit: PAGE_SIZE }, signal);
      return { items: page.entries, nextCursor: page.nextCursor };
    },
  });

  const apply = (next: AuditLogForm) =>
    setParams(Object.fromEntries(Object.entries(next).map(([key, value]) => [key, value.trim() || undefined])), {
      replace: true,
    });

  return (
    <div class="flex flex-col gap-8">
      <PageMeta title="Audit log · Admin · Tollgate" description="Who changed what on Tollgate." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Audit log</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Every admin and moderator change, newest first. Filter it and export what you see as CSV.
        </p>
      </header>

      <form
        aria-label="Audit log filters"
        class="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          apply(form());
        }}
      >
        <div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <For each={FIELDS}>
            {(field) => (
              <label class="block text-sm font-medium">
                {field.label}
                <input
                  type={field.type}
                  name={field.key}
                  list={field.key === "action" ? "audit-actions" : undefined}
                  placeholder={field.placeholder}
                  autocomplete="off"
                  value={form()[field.key]}
                  onInput={(event) => setForm({ ...form(), [field.key]: event.currentTarget.value })}
                  class={inputClass}
                />
              </label>
            )}
          </For>
          <datalist id="audit-actions">
            <For each={KNOWN_ACTIONS}>{(action) => <option value={action} />}</For>
          </datalist>
        </div>
        <div class="flex flex-wrap gap-3">
          <button
            type="submit"
            class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
          >
            Apply filters
          </button>
          <button
            type="button"
            class={buttonClass}
            onClick={() => {
              setForm({ ...EMPTY_AUDIT_FORM });
              apply(EMPTY_AUDIT_FORM);
            }}
          >
            Clear
          </button>
          <a href={auditLogCsvUrl(filters())} download="" class={buttonClass} data-testid="audit-csv">
            Export CSV
          </a>
        </div>
      </form>

      <section aria-labelledby="entries-heading" aria-busy={list.loading()} class="flex flex-col gap-4">
        <h2 id="entries-heading" class="text-xl font-semibold">
          Entries
        </h2>
        <p role="status" class="sr-only">
          {list.loaded() && !list.loading() ? `${list.items().length} entries shown.` : ""}
        </p>
        <CursorListView
          list={list}
          loadingLabel="Loading the audit log…"
          emptyMessage="No entries match these filters."
          loadMoreLabel="Load older entries"
        >
          <DataTable
            label="Audit log entries"
            columns={columns}
            rows={list.items()}
            rowTestId="audit-row"
            rowData={(row) => ({ "data-action": row.action, "data-target-id": row.targetId })}
          />
        </CursorListView>
      </section>
    </div>
  );
}
