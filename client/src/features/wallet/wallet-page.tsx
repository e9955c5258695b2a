import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { ledgerEntryTypeSchema, type LedgerEntryDto } from "@contracts/wallet.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createCursorList } from "../../lib/cursor-list.ts";
import { firstParam } from "../../lib/redirect.ts";
import { Modal } from "../../ui/dialog/modal.tsx";
import { CursorListView } from "../../ui/feedback/cursor-list-view.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { createCheckoutStarter } from "../payments/checkout-store.ts";
import { PricePicker } from "../payments/price-picker.tsx";
import { listPrices } from "../prices/prices.api.ts";
import { BalanceSummary } from "./balance-summary.tsx";
import { LedgerTable } from "./ledger-table.tsx";
import { LEDGER_TYPES } from "./ledger-type-badge.tsx";
import { useWallet } from "./wallet-context.tsx";
import { ledgerCsvUrl, listLedger } from "./wallet.api.ts";

const LEDGER_PAGE_SIZE = 25;
const primaryButton =
  "rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400";
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";
const selectClass =
  "mt-1 block rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900";

type LedgerType = LedgerEntryDto["type"];

/** /dashboard/wallet: the balance, a top-up dialog and the ledger with its CSV export. */
export default function WalletPage() {
  const wallet = useWallet();
  const [params, setParams] = useSearchParams();
  const type = (): LedgerType | undefined => ledgerEntryTypeSchema.safeParse(firstParam(params.type)).data;

  const ledger = createCursorList({
    key: type,
    fetchPage: async (entryType, cursor, signal) => {
      const page = await listLedger({ cursor, limit: LEDGER_PAGE_SIZE, type: entryType }, signal);
      return { items: page.entries, nextCursor: page.nextCursor };
    },
  });

  // A balance that moved (a poll, a purchase elsewhere) means the ledger has new entries.
  createEffect(
    on(
      () => wallet.balance()?.balance,
      (balance, previous) => {
        if (previous !== undefined && balance !== undefined && balance !== previous) void ledger.reload();
      },
      { defer: true },
    ),
  );

  const [topUpOpen, setTopUpOpen] = createSignal(false);
  const checkout = createCheckoutStarter();
  // The packages load the first time the dialog opens.
  const [prices, { refetch: refetchPrices }] = createResource(
    () => topUpOpen() || undefined,
    async () => (await listPrices()).prices,
  );

  return (
    <div class="flex flex-col gap-8">
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Wallet</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Every credit in and out of your wallet, with the balance after each entry.
        </p>
      </header>

      <BalanceSummary balance={wallet.balance()} showLevel>
        <button type="button" class={primaryButton} aria-haspopup="dialog" onClick={() => setTopUpOpen(true)}>
          Top up
        </button>
        <A href="/dashboard/credits" class={secondaryButton}>
          Payment history
        </A>
      </BalanceSummary>
      <Show when={wallet.error() && !wallet.balance()}>
        <ErrorNotice message={errorMessage(wallet.error())} onRetry={() => void wallet.refresh()} />
      </Show>

      <Modal
        open={topUpOpen()}
        title="Top up credits"
        description="Choose how to pay and a package. You will be sent to checkout and brought back afterwards."
        onClose={() => setTopUpOpen(false)}
      >
        <PricePicker prices={prices} onRetry={() => void refetchPrices()} checkout={checkout} />
      </Modal>

      <section aria-labelledby="ledger-heading" aria-busy={ledger.loading()} class="flex flex-col gap-4">
        <div class="flex flex-wrap items-end justify-between gap-4">
          <h2 id="ledger-heading" class="text-xl font-semibold">
            Ledger
          </h2>
          <div class="flex flex-wrap items-end gap-3">
            <div>
              <label for="ledger-type" class="block text-sm font-medium">
                Type
              </label>
              <select
                id="ledger-type"
                class={selectClass}
                value={type() ?? ""}
                onChange={(event) => setParams({ type: event.currentTarget.value || undefined }, { replace: true })}
              >
                <option value="">All entries</option>
                <For each={Object.entries(LEDGER_TYPES)}>
                  {([value, meta]) => <option value={value}>{meta.plural}</option>}
                </For>
              </select>
            </div>
            <a href={ledgerCsvUrl(type())} download="" data-testid="export-csv" class={secondaryButton}>
              Export CSV
            </a>
          </div>
        </div>
        <CursorListView
          list={ledger}
          loadingLabel="Loading ledger…"
          emptyMessage={
            type() ? `No ${LEDGER_TYPES[type() ?? "DEPOSIT"].plural.toLowerCase()} yet.` : "No entries yet."
          }
          loadMoreLabel="Load more entries"
        >
          <LedgerTable entries={ledger.items()} />
        </CursorListView>
      </section>
    </div>
  );
}
