import { useSearchParams } from "@solidjs/router";
import { createResource, createSignal, createUniqueId, For, Show } from "solid-js";
import type { BanDto } from "@contracts/moderation.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { firstParam } from "../../lib/redirect.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { useSession } from "../auth/session-context.tsx";
import { extendBan, getBans, liftBans } from "./moderation.api.ts";
import { formatUntil, inputClass, ModerationNav, secondaryButtonClass } from "./moderation-nav.tsx";

const EXTENSIONS = [
  { label: "+1 hour", seconds: 3600 },
  { label: "+24 hours", seconds: 86_400 },
  { label: "+7 days", seconds: 604_800 },
];

/** /admin/moderation/bans: bans in force; moderators extend them, admins lift them. */
export default function BansPage() {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const id = createUniqueId();
  const scope = () => firstParam(params.scope) ?? "all";
  const page = () => Math.max(1, Number(firstParam(params.page) ?? "1") || 1);
  const [bans, { refetch }] = createResource(
    () => ({ scope: scope(), page: page() }),
    (q) => getBans(q),
  );
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const isAdmin = () => session.me()?.user.role === "ADMIN";
  const pages = () => Math.max(1, Math.ceil((bans.latest?.total ?? 0) / (bans.latest?.limit ?? 20)));

  async function run(work: () => Promise<string>) {
    setError(null);
    setMessage(null);
    try {
      setMessage(await work());
      await refetch();
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  const name = (ban: BanDto) => ban.displayName ?? ban.email ?? ban.userId;

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Bans" description="Bans in force." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Bans</h1>
        <p class="mt-2 text-neutral-600 dark:text-neutral-400">
          Bans in force. A temporary ban ends by itself at its expiry.
        </p>
      </header>
      <ModerationNav />
      <div class="max-w-xs">
        <label for={`${id}-scope`} class="block text-sm font-medium">
          Scope
        </label>
        <select
          id={`${id}-scope`}
          class={inputClass}
          value={scope()}
          onChange={(e) =>
            setParams({ scope: e.currentTarget.value === "all" ? undefined : e.currentTarget.value, page: undefined })
          }
        >
          <option value="all">All</option>
          <option value="channel">A creator's channel</option>
          <option value="platform">The whole platform</option>
        </select>
      </div>
      <div aria-live="polite" data-testid="bans-feedback">
        <Show when={message()}>
          <p class="text-sm text-green-700 dark:text-green-400">{message()}</p>
        </Show>
        <Show when={error()}>
          <p role="alert" class="text-sm text-red-700 dark:text-red-400">
            {error()}
          </p>
        </Show>
      </div>
      <Show when={bans.error}>
        <ErrorNotice message={errorMessage(bans.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!bans.error && !bans.latest}>
        <LoadingNotice label="Loading bans…" />
      </Show>
      <Show when={bans.latest?.items.length === 0}>
        <EmptyNotice message="No bans in force." />
      </Show>
      <Show when={(bans.latest?.items.length ?? 0) > 0}>
        <div class="overflow-x-auto">
          <table class="w-full text-left text-sm" data-testid="bans-table">
            <caption class="sr-only">Bans in force</caption>
            <thead>
              <tr class="border-b border-neutral-200 dark:border-neutral-800">
                <th scope="col" class="py-2 pr-3">
                  User
                </th>
                <th scope="col" class="py-2 pr-3">
                  Reason
                </th>
                <th scope="col" class="py-2 pr-3">
                  Where
                </th>
                <th scope="col" class="py-2 pr-3">
                  By
                </th>
                <th scope="col" class="py-2 pr-3">
                  Until
                </th>
                <th scope="col" class="py-2">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={bans.latest?.items ?? []}>
                {(ban) => (
                  <tr class="border-b border-neutral-100 align-top dark:border-neutral-900">
                    <td class="py-2 pr-3">
                      <div class="font-medium">{name(ban)}</div>
                      <div class="text-xs text-neutral-500">{ban.email}</div>
                    </td>
                    <td class="py-2 pr-3">{ban.reason ?? "—"}</td>
                    <td class="py-2 pr-3">
                      {ban.scope === "platform" ? "Platform" : `Channel of ${ban.channelName ?? "a creator"}`}
                    </td>
                    <td class="py-2 pr-3">{ban.actorName ?? "—"}</td>
                    <td class="py-2 pr-3">{ban.permanent ? "Permanent" : formatUntil(ban.expiresAt)}</td>
                    <td class="flex flex-wrap gap-2 py-2">
                      <Show when={!ban.permanent}>
                        <For each={EXTENSIONS}>
                          {(ext) => (
                            <button
                              type="button"
                              class={secondaryButtonClass}
                              aria-label={`Extend ${name(ban)}'s ban by ${ext.label.slice(1)}`}
                              onClick={() =>
                                void run(async () => {
                                  await extendBan(ban.actionId, ext.seconds);
                                  return `Extended ${name(ban)}'s ban.`;
                                })
                              }
                            >
                              {ext.label}
                            </button>
                          )}
                        </For>
                      </Show>
                      <Show when={isAdmin()}>
                        <button
                          type="button"
                          class={secondaryButtonClass}
                          aria-label={`Lift every ban on ${name(ban)}`}
                          onClick={() =>
                            void run(async () => {
                              const lifted = await liftBans(ban.userId);
                              return `Lifted ${lifted.lifted.length} ban(s) on ${name(ban)}.`;
                            })
                          }
                        >
                          Lift
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <nav aria-label="Pages" class="flex items-center gap-3">
          <button
            type="button"
            class={secondaryButtonClass}
            disabled={page() <= 1}
            onClick={() => setParams({ page: String(page() - 1) })}
          >
            Previous
          </button>
          <span class="text-sm">
            Page {page()} of {pages()}
          </span>
          <button
            type="button"
            class={secondaryButtonClass}
            disabled={page() >= pages()}
            onClick={() => setParams({ page: String(page() + 1) })}
          >
            Next
          </button>
        </nav>
      </Show>
    </div>
  );
}
