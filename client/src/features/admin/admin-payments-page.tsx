import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, createUniqueId, For, Show } from "solid-js";
import {
  ADMIN_PAYMENT_KINDS,
  REVENUE_GROUPS,
  type AdminPaymentKind,
  type AdminWebhookEvent,
  type RevenueGroup,
} from "@contracts/admin-payments.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { firstParam } from "../../lib/redirect.ts";
import { UPlotChart } from "../../ui/chart/uplot-chart.tsx";
import { DataTable } from "../../ui/data-table.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { ResourceListView } from "../../ui/feedback/resource-list-view.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { StatCard } from "../creator/stat-card.tsx";
import { getRevenue, listAdminPayments, listFailedWebhooks, replayWebhook } from "./admin-payments.api.ts";
import { dayToSeconds, moneyToNumber } from "./admin-analytics-format.ts";
import { downloadCsv, paymentsCsv, revenueCsv, webhooksCsv } from "./admin-streams-csv.ts";

const KIND_LABELS: Record<AdminPaymentKind, { title: string; empty: string }> = {
  failed: { title: "Failed payments", empty: "No failed payments." },
  refunds: { title: "Refunds", empty: "No refunded payments." },
  disputes: { title: "Disputes", empty: "No disputed payments." },
};
const GROUP_LABELS: Record<RevenueGroup, string> = { day: "Day", week: "Week", month: "Month" };

const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm dark:border-neutral-700 dark:bg-neutral-900";
const secondaryButton =
  "rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 disabled:opacity-50 dark:border-neutral-700 dark:hover:bg-neutral-800";

const isGroup = (v: string | undefined): v is RevenueGroup =>
  v !== undefined && (REVENUE_GROUPS as readonly string[]).includes(v);

/** One list of payments (failed, refunded or disputed), with its CSV export. */
function PaymentList(props: { kind: AdminPaymentKind }) {
  const [rows, { refetch }] = createResource(async () => (await listAdminPayments(props.kind)).payments);
  const labels = () => KIND_LABELS[props.kind];
  const headingId = createUniqueId();
  return (
    <section aria-labelledby={headingId} class="flex flex-col gap-3" data-testid={`payments-${props.kind}`}>
      <div class="flex flex-wrap items-center justify-between gap-3">
        <h2 id={headingId} class="text-xl font-semibold">
          {labels().title}
        </h2>
        <button
          type="button"
          class={secondaryButton}
          disabled={!rows.latest?.length}
          onClick={() => downloadCsv(paymentsCsv(rows.latest ?? []), `tollgate-payments-${props.kind}.csv`)}
        >
          Export CSV
        </button>
      </div>
      <ResourceListView
        resource={rows}
        onRetry={() => void refetch()}
        loadingLabel="Loading payments…"
        emptyMessage={labels().empty}
      >
        {(items) => (
          <DataTable
            label={labels().title}
            rows={items()}
            rowTestId="payment-row"
            columns={[
              { header: "When", cell: (p) => new Date(p.updatedAt).toLocaleString() },
              { header: "User", cell: (p) => p.user.email ?? p.user.id },
              { header: "Provider", cell: (p) => p.provider },
              { header: "Status", cell: (p) => p.status },
              { header: "Amount", align: "right", cell: (p) => `${p.amount} ${p.currency.toUpperCase()}` },
              { header: "Refunded", align: "right", cell: (p) => p.refundedAmount },
            ]}
          />
        )}
      </ResourceListView>
    </section>
  );
}

/** /admin/payments: revenue by day, week or month per provider, problem payments, failed webhooks with replay. */
export default function AdminPaymentsPage() {
  const [params, setParams] = useSearchParams();
  const ids = { start: createUniqueId(), end: createUniqueId(), group: createUniqueId() };
  const request = () => {
    const group = firstParam(params.groupBy);
    return {
      startDate: firstParam(params.start) || undefined,
      endDate: firstParam(params.end) || undefined,
      groupBy: isGroup(group) ? group : ("day" as const),
    };
  };
  const [revenue, { refetch: refetchRevenue }] = createResource(request, (r) =>
    getRevenue({
      groupBy: r.groupBy,
      ...(r.startDate ? { startDate: r.startDate } : {}),
      ...(r.endDate ? { endDate: r.endDate } : {}),
    }),
  );
  const report = () => (revenue.error ? undefined : revenue.latest);

  const [webhooks, { refetch: refetchWebhooks }] = createResource(async () => (await listFailedWebhooks()).events);
  const [replaying, setReplaying] = createSignal<string | null>(null);
  const [replayMessage, setReplayMessage] = createSignal("");
  const replay = async (event: AdminWebhookEvent) => {
    setReplaying(event.id);
    try {
      const result = await replayWebhook(event.id);
      setReplayMessage(`Event ${event.eventId} replayed: ${result.outcome}.`);
      await refetchWebhooks();
    } catch (cause) {
      setReplayMessage(`Event ${event.eventId} could not be replayed: ${errorMessage(cause)}`);
    } finally {
      setReplaying(null);
    }
  };

  return (
    <div class="flex flex-col gap-10">
      <PageMeta title="Payments · Admin" description="Revenue and payment problems on Tollgate." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Payments</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Revenue from completed payments by provider, the payments that failed, were refunded or disputed, and the
          provider events that could not be processed.
        </p>
      </header>

      <section aria-labelledby="revenue-heading" class="flex flex-col gap-4" aria-busy={revenue.loading}>
        <div class="flex flex-wrap items-end justify-between gap-3">
          <h2 id="revenue-heading" class="text-xl font-semibold">
            Revenue
          </h2>
          <button
            type="button"
            class={secondaryButton}
            disabled={!report()}
            onClick={() => {
              const r = report();
              if (r) downloadCsv(revenueCsv(r), `tollgate-revenue-${r.range.start}-${r.range.end}-${r.groupBy}.csv`);
            }}
          >
            Export CSV
          </button>
        </div>
        <form
          aria-label="Revenue range"
          class="grid gap-4 sm:grid-cols-4"
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const value = (name: string) => {
              const v = form.get(name);
              return typeof v === "string" && v ? v : undefined;
            };
            setParams({ start: value("start"), end: value("end"), groupBy: value("groupBy") });
          }}
        >
          <div>
            <label for={ids.start} class="block text-sm font-medium">
              From
            </label>
            <input id={ids.start} name="start" type="date" class={inputClass} value={request().startDate ?? ""} />
          </div>
          <div>
            <label for={ids.end} class="block text-sm font-medium">
              To
            </label>
            <input id={ids.end} name="end" type="date" class={inputClass} value={request().endDate ?? ""} />
          </div>
          <div>
            <label for={ids.group} class="block text-sm font-medium">
              Group by
            </label>
            <select id={ids.group} name="groupBy" class={inputClass} value={request().groupBy}>
              <For each={REVENUE_GROUPS}>{(g) => <option value={g}>{GROUP_LABELS[g]}</option>}</For>
            </select>
          </div>
          <div class="flex items-end">
            <button
              type="submit"
              class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
            >
              Show
            </button>
          </div>
        </form>
        <Show when={revenue.error}>
          <ErrorNotice message={errorMessage(revenue.error)} onRetry={() => void refetchRevenue()} />
        </Show>
        <Show when={!revenue.error && !report()}>
          <LoadingNotice label="Loading revenue…" />
        </Show>
        <Show when={report()}>
          {(r) => (
            <>
              <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
                <StatCard
                  label="Gross"
                  value={r().totals.gross}
                  hint={`${r().totals.payments} completed payments`}
                  testId="revenue-gross"
                />
                <StatCard label="Refunded" value={r().totals.refunded} />
                <StatCard label="Net" value={r().totals.net} testId="revenue-net" />
                <StatCard
                  label="Provider split"
                  value={r()
                    .providers.map((p) => `${p.provider === "STRIPE" ? "Stripe" : "Coinbase"} ${p.gross}`)
                    .join(" · ")}
                  testId="revenue-split"
                />
              </dl>
              <UPlotChart
                label={`Revenue per ${r().groupBy}, ${r().range.start} to ${r().range.end}`}
                testId="revenue-chart"
                x={r().buckets.map((b) => dayToSeconds(b.period))}
                y={r().buckets.map((b) => moneyToNumber(b.gross))}
                seriesLabel="All providers"
                stroke="#4f46e5"
                more={[
                  { label: "Stripe", y: r().buckets.map((b) => moneyToNumber(b.byProvider.STRIPE)), stroke: "#0ea5e9" },
                  {
                    label: "Coinbase",
                    y: r().buckets.map((b) => moneyToNumber(b.byProvider.COINBASE)),
                    stroke: "#f59e0b",
                  },
                ]}
                summary={
                  <table>
                    <thead>
                      <tr>
                        <th>Period</th>
                        <th>Gross</th>
                        <th>Stripe</th>
                        <th>Coinbase</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={r().buckets}>
                        {(b) => (
                          <tr>
                            <td>{b.period}</td>
                            <td>{b.gross}</td>
                            <td>{b.byProvider.STRIPE}</td>
                            <td>{b.byProvider.COINBASE}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                }
              />
              <DataTable
                label="Revenue by provider"
                rows={r().providers}
                rowTestId="provider-row"
                columns={[
                  { header: "Provider", cell: (p) => (p.provider === "STRIPE" ? "Stripe" : "Coinbase") },
                  { header: "Payments", align: "right", cell: (p) => String(p.payments) },
                  { header: "Gross", align: "right", cell: (p) => p.gross },
                  { header: "Refunded", align: "right", cell: (p) => p.refunded },
                  { header: "Net", align: "right", cell: (p) => p.net },
                ]}
              />
            </>
          )}
        </Show>
      </section>

      <section aria-labelledby="webhooks-heading" class="flex flex-col gap-3" data-testid="failed-webhooks">
        <div class="flex flex-wrap items-center justify-between gap-3">
          <h2 id="webhooks-heading" class="text-xl font-semibold">
            Failed provider events
          </h2>
          <button
            type="button"
            class={secondaryButton}
            disabled={!webhooks.latest?.length}
            onClick={() => downloadCsv(webhooksCsv(webhooks.latest ?? []), "tollgate-failed-webhooks.csv")}
          >
            Export CSV
          </button>
        </div>
        <p class="text-sm" aria-live="polite" data-testid="replay-message">
          {replayMessage()}
        </p>
        <ResourceListView
          resource={webhooks}
          onRetry={() => void refetchWebhooks()}
          loadingLabel="Loading provider events…"
          emptyMessage="No failed provider events."
        >
          {(items) => (
            <DataTable
              label="Failed provider events"
              rows={items()}
              rowTestId="webhook-row"
              columns={[
                { header: "Received", cell: (e) => new Date(e.receivedAt).toLocaleString() },
                { header: "Provider", cell: (e) => e.provider },
                { header: "Type", cell: (e) => e.type },
                { header: "Attempts", align: "right", cell: (e) => String(e.attempts) },
                { header: "Error", cell: (e) => e.error ?? "—", class: "whitespace-normal" },
                {
                  header: "Replay",
                  hideHeader: true,
                  align: "right",
                  cell: (e) => (
                    <button
                      type="button"
                      class={secondaryButton}
                      aria-label={`Replay ${e.type} ${e.eventId}`}
                      aria-disabled={replaying() === e.id}
                      onClick={() => {
                        if (replaying() !== e.id) void replay(e);
                      }}
                    >
                      {replaying() === e.id ? "Replaying…" : "Replay"}
                    </button>
                  ),
                },
              ]}
            />
          )}
        </ResourceListView>
      </section>

      <For each={ADMIN_PAYMENT_KINDS}>{(kind) => <PaymentList kind={kind} />}</For>
    </div>
  );
}
