import type { AdminOverview, ChangeDto } from "@contracts/overview.ts";
import { A } from "@solidjs/router";
import { createResource, For, Match, Show, Switch, type ParentProps } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { getOverview } from "./admin.api.ts";
import { AdminSkeleton } from "./admin-skeleton.tsx";
import { createPolling } from "./create-polling.ts";
import { changeText, displayMillicredits, TREND_ARROWS, TREND_LABELS } from "./overview.ts";

/** Live figures refresh this often while the tab is visible. */
export const OVERVIEW_POLL_MS = 5_000;

const quickActions = [
  { href: "/admin/users", title: "Users and wallets", description: "Find, filter, suspend or delete accounts." },
  { href: "/admin/prices", title: "Price packages", description: "The credit packages buyers can choose from." },
  { href: "/admin/streams", title: "Streams", description: "What is on air, and take a stream down." },
  { href: "/admin/payments", title: "Payments", description: "Purchases, refunds and disputes." },
  { href: "/admin/moderation", title: "Moderation", description: "Reports, bans and appeals." },
  { href: "/admin/audit-log", title: "Audit log", description: "Who changed what, with CSV export." },
];

const TREND_CLASS = {
  up: "text-emerald-700 dark:text-emerald-400",
  down: "text-red-700 dark:text-red-400",
  flat: "text-neutral-500 dark:text-neutral-400",
} as const;

function Change(props: { change: ChangeDto; period: string }) {
  return (
    <span class={`text-sm ${TREND_CLASS[props.change.trend]}`} data-testid="overview-change">
      <span aria-hidden="true">{TREND_ARROWS[props.change.trend]} </span>
      <span class="sr-only">{TREND_LABELS[props.change.trend]}: </span>
      {changeText(props.change, props.period)}
    </span>
  );
}

function Card(props: ParentProps<{ id: string; href: string; label: string; value: string }>) {
  return (
    <A
      href={props.href}
      data-testid={`overview-card-${props.id}`}
      class="flex flex-col gap-1 rounded-xl border border-neutral-200 bg-white p-5 shadow-sm hover:border-indigo-400 dark:border-neutral-800 dark:bg-neutral-900 dark:hover:border-indigo-500"
    >
      <span class="text-sm font-medium text-neutral-600 dark:text-neutral-400">{props.label}</span>
      <span class="text-3xl font-bold tabular-nums" data-testid="overview-value">
        {props.value}
      </span>
      {props.children}
    </A>
  );
}

function Cards(props: { overview: AdminOverview }) {
  const o = () => props.overview;
  return (
    // Polite: changed figures are read out when the user pauses, never interrupting.
    <section aria-labelledby="figures-heading" aria-live="polite" class="flex flex-col gap-3">
      <h2 id="figures-heading" class="sr-only">
        Figures
      </h2>
      <div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card id="users" href="/admin/users" label="Total users" value={o().users.total.toLocaleString()}>
          <span class="text-sm text-neutral-600 dark:text-neutral-400">{o().users.newToday} new today</span>
          <Change change={o().users.change} period="yesterday" />
        </Card>
        <Card id="live-streams" href="/admin/streams" label="Live streams" value={o().live.streams.toLocaleString()} />
        <Card
          id="viewers"
          href="/admin/analytics"
          label="Viewers watching now"
          value={o().live.viewers.toLocaleString()}
        />
        <Card
          id="revenue-today"
          href="/admin/payments"
          label="Revenue today (credits)"
          value={displayMillicredits(o().revenue.today.millicredits)}
        >
          <Change change={o().revenue.today.change} period="yesterday" />
        </Card>
        <Card
          id="revenue-month"
          href="/admin/analytics"
          label="Revenue this month (credits)"
          value={displayMillicredits(o().revenue.month.millicredits)}
        >
          <Change change={o().revenue.month.change} period="last month" />
        </Card>
      </div>
    </section>
  );
}

const KIND_LABELS = { audit: "Audit", signup: "Signup", payment: "Payment" } as const;

function Activity(props: { overview: AdminOverview }) {
  return (
    <section aria-labelledby="activity-heading" class="flex flex-col gap-3">
      <h2 id="activity-heading" class="text-xl font-semibold">
        Recent activity
      </h2>
      <Show
        when={props.overview.activity.length > 0}
        fallback={<p class="text-sm text-neutral-500 dark:text-neutral-400">Nothing has happened yet.</p>}
      >
        <ol class="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800">
          <For each={props.overview.activity}>
            {(item) => (
              <li class="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-4 py-3 text-sm" data-testid="activity-item">
                <span class="w-16 text-xs font-semibold tracking-wide text-neutral-500 uppercase">
                  {KIND_LABELS[item.kind]}
                </span>
                <A href={item.href} class="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                  {item.title}
                </A>
                <span class="min-w-0 flex-1 truncate text-neutral-600 dark:text-neutral-400">{item.detail}</span>
                <time datetime={item.at} class="text-xs text-neutral-500 tabular-nums">
                  {new Date(item.at).toLocaleString()}
                </time>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** /admin: the console's overview; its figures refresh every few seconds without a reload. */
export default function AdminPage() {
  const [overview, { refetch }] = createResource(() => getOverview());
  createPolling(() => {
    if (!overview.loading) void refetch();
  }, OVERVIEW_POLL_MS);
  const current = () => overview.latest;

  return (
    <div class="flex flex-col gap-8">
      <PageMeta title="Admin · Tollgate" description="Tollgate's admin console." />
      <header class="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Admin</h1>
          <p class="mt-2 text-neutral-600 dark:text-neutral-400">
            The dashboard: Tollgate at a glance, its figures refreshed every 5 seconds.
          </p>
        </div>
        <Show when={current()}>
          {(loaded) => (
            <p class="text-xs text-neutral-500 dark:text-neutral-400" data-testid="overview-updated">
              Updated <time datetime={loaded().generatedAt}>{new Date(loaded().generatedAt).toLocaleTimeString()}</time>
            </p>
          )}
        </Show>
      </header>
      <Switch>
        <Match when={overview.error && !current()}>
          <ErrorNotice message={errorMessage(overview.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={!current()}>
          <AdminSkeleton label="Loading the overview…" rows={5} />
        </Match>
        <Match when={current()}>
          {(loaded) => (
            <>
              <Show when={overview.error}>
                <ErrorNotice
                  message={`Could not refresh: ${errorMessage(overview.error)}`}
                  onRetry={() => void refetch()}
                />
              </Show>
              <Cards overview={loaded()} />
              <div class="grid gap-8 lg:grid-cols-3">
                <div class="lg:col-span-2">
                  <Activity overview={loaded()} />
                </div>
                <nav aria-label="Admin sections" class="flex flex-col gap-3">
                  <h2 class="text-xl font-semibold">Quick actions</h2>
                  <ul class="flex flex-col gap-2">
                    <For each={quickActions}>
                      {(action) => (
                        <li>
                          <A
                            href={action.href}
                            class="block rounded-lg border border-neutral-200 bg-white px-4 py-3 hover:border-indigo-400 dark:border-neutral-800 dark:bg-neutral-900 dark:hover:border-indigo-500"
                          >
                            <span class="block font-semibold text-indigo-600 dark:text-indigo-400">{action.title}</span>
                            <span class="block text-sm text-neutral-600 dark:text-neutral-400">
                              {action.description}
                            </span>
                          </A>
                        </li>
                      )}
                    </For>
                  </ul>
                </nav>
              </div>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}
