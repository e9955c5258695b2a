import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { z } from "zod";
import type { adminUserDetailSchema, reconcileReportSchema } from "@contracts/users.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { displayCredits } from "../../lib/credits.ts";
import { createCursorList } from "../../lib/cursor-list.ts";
import { Badge } from "../../ui/feedback/badge.tsx";
import { CursorListView } from "../../ui/feedback/cursor-list-view.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { FocusTarget } from "../../ui/feedback/focus-target.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { ROLE_LABELS } from "../auth/access.ts";
import { LedgerTable } from "../wallet/ledger-table.tsx";
import { reconcileWallet } from "../wallet/wallet.api.ts";
import { AdjustCreditsForm } from "./adjust-credits-form.tsx";
import { adjustmentMessage, reconcileLines, STATUS_LABELS, type AdjustmentOutcome } from "./admin-users.ts";
import { getUser, listUserLedger } from "./users.api.ts";

type UserDetail = z.infer<typeof adminUserDetailSchema>;
type ReconcileReport = z.infer<typeof reconcileReportSchema>;

const LEDGER_PAGE_SIZE = 25;
const linkClass = "text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400";
const panelClass =
  "flex flex-col gap-4 rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900";
const secondaryButton =
  "self-start rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-neutral-700 dark:hover:bg-neutral-800";

// The API answers 400 for an id that is not a UUID and 404 for one that matches nobody.
const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || error.status === 400);

/** /admin/users/:userId: one account's wallet: balance, adjustments, reconciliation and ledger. */
export default function AdminUserPage() {
  const params = useParams<{ userId: string }>();
  const [detail, { mutate, refetch }] = createResource(
    () => params.userId,
    (userId) => getUser(userId),
  );
  const current = () => (detail.error ? undefined : detail.latest);

  return (
    <div class="flex flex-col gap-8">
      <A href="/admin/users" class={`${linkClass} self-start`}>
        ← Users and wallets
      </A>
      <Switch>
        <Match when={isMissing(detail.error)}>
          <h1 class="text-3xl font-bold tracking-tight">User not found</h1>
          <ErrorNotice message="No account has this id. It may have been mistyped." />
        </Match>
        <Match when={detail.error}>
          <h1 class="text-3xl font-bold tracking-tight">User</h1>
          <ErrorNotice message={errorMessage(detail.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={!current()}>
          <LoadingNotice label="Loading the account…" />
        </Match>
        <Match when={current()}>
          {(loaded) => (
            <ManageUser
              userId={params.userId}
              detail={loaded()}
              onBalance={(balance) =>
                mutate((d) => d && { user: { ...d.user, balance }, wallet: { ...d.wallet, balance } })
              }
              onChanged={() => void refetch()}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

interface ManageUserProps {
  userId: string;
  detail: UserDetail;
  /** The balance a booking left behind, shown before the account is read again. */
  onBalance: (balance: string) => void;
  /** The wallet changed: read the account again. */
  onChanged: () => void;
}

function ManageUser(props: ManageUserProps) {
  const user = () => props.detail.user.user;
  const [outcome, setOutcome] = createSignal<AdjustmentOutcome | null>(null);
  const [formCount, setFormCount] = createSignal(1);

  const ledger = createCursorList({
    key: () => props.userId,
    fetchPage: async (userId, cursor, signal) => {
      const page = await listUserLedger(userId, { cursor, limit: LEDGER_PAGE_SIZE }, signal);
      return { items: page.entries, nextCursor: page.nextCursor };
    },
  });

  const walletChanged = () => {
    props.onChanged();
    void ledger.reload();
  };

  const booked = (result: AdjustmentOutcome) => {
    setOutcome(result);
    if (result.balanceAfter !== null) props.onBalance(result.balanceAfter);
    setFormCount((n) => n + 1);
    walletChanged();
  };

  return (
    <>
      <header class="flex flex-col gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight break-all" data-testid="admin-user-email">
            {user().email}
          </h1>
          <Show when={props.detail.user.displayName}>
            {(name) => <p class="mt-1 text-neutral-600 dark:text-neutral-400">{name()}</p>}
          </Show>
        </div>
        <dl class="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt class="text-sm text-neutral-500 dark:text-neutral-400">Role</dt>
            <dd class="mt-1 font-medium" data-testid="admin-user-role">
              {ROLE_LABELS[user().role]}
            </dd>
          </div>
          <div>
            <dt class="text-sm text-neutral-500 dark:text-neutral-400">Status</dt>
            <dd class="mt-1 flex flex-wrap gap-1.5" data-testid="admin-user-status">
              <Badge tone={user().status === "ACTIVE" ? "green" : "amber"}>{STATUS_LABELS[user().status]}</Badge>
              <Badge tone={user().emailVerified ? "blue" : "neutral"}>
                {user().emailVerified ? "Email verified" : "Email not verified"}
              </Badge>
            </dd>
          </div>
          <div>
            <dt class="text-sm text-neutral-500 dark:text-neutral-400">Balance</dt>
            <dd class="mt-1">
              <span data-testid="admin-user-balance" aria-live="polite" aria-atomic="true">
                <span class="text-2xl font-bold tabular-nums">{displayCredits(props.detail.wallet.balance)}</span>{" "}
                <span class="text-sm text-neutral-600 dark:text-neutral-400">credits</span>
              </span>
            </dd>
          </div>
          <div>
            <dt class="text-sm text-neutral-500 dark:text-neutral-400">Pending payments</dt>
            <dd class="mt-1 font-medium tabular-nums" data-testid="admin-user-pending">
              {props.detail.wallet.pendingPayments}
            </dd>
          </div>
        </dl>
      </header>

      <div class="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="adjust-heading" class={panelClass}>
          <h2 id="adjust-heading" class="text-xl font-semibold">
            Adjust credits
          </h2>
          <Show when={outcome()} keyed>
            {(result) => (
              <FocusTarget role="status" testId="adjustment-result">
                <p class="rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100">
                  {adjustmentMessage(result)}
                </p>
              </FocusTarget>
            )}
          </Show>
          {/* Keyed on a counter: an empty form, with a new idempotency key, after each booking. */}
          <Show when={formCount()} keyed>
            <AdjustCreditsForm userId={props.userId} onSubmit={() => setOutcome(null)} onBooked={booked} />
          </Show>
        </section>

        <ReconcilePanel userId={props.userId} onCorrected={walletChanged} />
      </div>

      <section aria-labelledby="ledger-heading" aria-busy={ledger.loading()} class="flex flex-col gap-4">
        <h2 id="ledger-heading" class="text-xl font-semibold">
          Ledger
        </h2>
        <CursorListView
          list={ledger}
          loadingLabel="Loading ledger…"
          emptyMessage="No entries yet."
          loadMoreLabel="Load more entries"
        >
          <LedgerTable entries={ledger.items()} />
        </CursorListView>
      </section>
    </>
  );
}

function ReconcilePanel(props: { userId: string; onCorrected: () => void }) {
  const [pending, setPending] = createSignal(false);
  const [report, setReport] = createSignal<ReconcileReport | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  const reconcile = async () => {
    if (pending()) return;
    setPending(true);
    setReport(null);
    setFailure(null);
    try {
      const result = await reconcileWallet(props.userId);
      setReport(result);
      if (result.corrected) props.onCorrected();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setPending(false);
    }
  };

  return (
    <section aria-labelledby="reconcile-heading" class={panelClass}>
      <h2 id="reconcile-heading" class="text-xl font-semibold">
        Reconcile
      </h2>
      <p class="text-sm text-neutral-600 dark:text-neutral-400">
        Compares the cached balance with the sum of the wallet's ledger entries. If they differ, the cached balance is
        reset to the sum; no entry is booked.
      </p>
      <button type="button" class={secondaryButton} aria-disabled={pending()} onClick={() => void reconcile()}>
        {pending() ? "Reconciling…" : "Reconcile"}
      </button>
      <Show when={failure()} keyed>
        {(message) => (
          <FocusTarget>
            <ErrorNotice message={message} onRetry={() => void reconcile()} />
          </FocusTarget>
        )}
      </Show>
      <Show when={report()} keyed>
        {(result) => (
          <FocusTarget role="status" testId="reconcile-report" aria-label="Reconciliation report">
            <dl class="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 rounded-lg border border-neutral-200 p-4 text-sm dark:border-neutral-800">
              <For each={reconcileLines(result)}>
                {(line) => (
                  <>
                    <dt class="text-neutral-500 dark:text-neutral-400">{line.label}</dt>
                    <dd class="text-right font-medium tabular-nums" data-testid={line.testId}>
                      {line.value}
                    </dd>
                  </>
                )}
              </For>
            </dl>
          </FocusTarget>
        )}
      </Show>
    </section>
  );
}
