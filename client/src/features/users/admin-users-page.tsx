import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, createUniqueId, on } from "solid-js";
import { createDebounced } from "../../lib/debounced.ts";
import { firstParam } from "../../lib/redirect.ts";
import { ResourceListView } from "../../ui/feedback/resource-list-view.tsx";
import { UserTable } from "./user-table.tsx";
import { searchUsers } from "./users.api.ts";

const SEARCH_DELAY_MS = 250;
const SEARCH_LIMIT = 20;
const inputClass =
  "mt-1 block w-full max-w-md rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900";

/** /admin/users: find accounts by email and open one to manage its wallet. */
export default function AdminUsersPage() {
  const [params, setParams] = useSearchParams();
  const inputId = `user-search-${createUniqueId()}`;
  // The search lives in the URL, so Back from a user's page returns to the same results.
  const [text, setText] = createSignal(firstParam(params.email) ?? "");
  const [typed, flush] = createDebounced(text, SEARCH_DELAY_MS);
  createEffect(
    on(typed, (value) => setParams({ email: value.trim() || undefined }, { replace: true }), { defer: true }),
  );

  const email = () => (firstParam(params.email) ?? "").trim().toLowerCase();
  const [users, { refetch }] = createResource(
    () => ({ email: email() }),
    async (search) => (await searchUsers({ email: search.email || undefined, limit: SEARCH_LIMIT })).users,
  );
  const list = () => (users.error ? undefined : users.latest);
  const resultText = () => {
    const count = list()?.length;
    if (count === undefined || users.loading) return "";
    if (count === 0) return "No users found.";
    return count === 1 ? "1 user found." : `${count} users found.`;
  };

  return (
    <div class="flex flex-col gap-8">
      <header>
        <A href="/admin" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          ← Admin
        </A>
        <h1 class="mt-2 text-3xl font-bold tracking-tight">Users and wallets</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          Find an account by email to see its wallet, book a credit adjustment or reconcile its balance.
        </p>
      </header>

      <form
        role="search"
        aria-label="Users"
        onSubmit={(event) => {
          event.preventDefault();
          flush();
        }}
      >
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
          Matches the beginning of the address; shows up to {SEARCH_LIMIT} users.
        </p>
      </form>

      <section aria-labelledby="results-heading" aria-busy={users.loading} class="flex flex-col gap-4">
        <h2 id="results-heading" class="text-xl font-semibold">
          Results
        </h2>
        <p role="status" class="sr-only" data-testid="admin-user-search-status">
          {resultText()}
        </p>
        <ResourceListView
          resource={users}
          onRetry={() => void refetch()}
          loadingLabel="Searching users…"
          emptyMessage={email() ? `No user's email starts with “${email()}”.` : "No users yet."}
        >
          {(current) => <UserTable users={current()} />}
        </ResourceListView>
      </section>
    </div>
  );
}
