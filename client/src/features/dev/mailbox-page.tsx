import { useSearchParams } from "@solidjs/router";
import { createResource, For, Match, Show, Switch } from "solid-js";
import { z } from "zod";
import { emailSchema } from "@contracts/auth.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { createForm } from "../../lib/form.ts";
import { firstParam } from "../../lib/redirect.ts";
import { EmptyNotice } from "../../ui/feedback/empty-notice.tsx";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { listOutbox } from "./dev.api.ts";
import { OutboxMessageCard } from "./outbox-message.tsx";

/** An address to filter by, or nothing for every message. */
const filterSchema = z.object({ to: z.literal("").or(emailSchema) });

const isUnavailable = (error: unknown) => error instanceof ApiError && error.status === 404;

/** Development tool: the emails the Worker would have sent (GET /api/dev/outbox; 404 in production). */
export default function MailboxPage() {
  const [params, setParams] = useSearchParams();
  const to = () => firstParam(params.to)?.trim() ?? "";

  const [messages, { refetch }] = createResource(
    () => ({ to: to() }),
    async ({ to }) => {
      const { messages } = await listOutbox(to || undefined);
      return [...messages].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    },
  );

  const form = createForm({
    initial: { to: to() },
    schema: filterSchema,
    submit: async (filter) => filter,
    onSuccess: (filter) => {
      if (filter.to === to()) void refetch();
      else setParams({ to: filter.to || null });
    },
  });

  return (
    <div class="flex flex-col gap-6">
      <header>
        <p class="text-sm font-semibold text-amber-700 dark:text-amber-400">Development tool</p>
        <h1 class="mt-1 text-3xl font-bold tracking-tight">Dev mailbox</h1>
        <p class="mt-2 max-w-2xl text-neutral-600 dark:text-neutral-400">
          The emails Tollgate would have sent, captured instead of delivered. This page exists for development and tests
          only; production sends real email and has no mailbox.
        </p>
      </header>

      <form noValidate onSubmit={form.handleSubmit} class="flex flex-wrap items-start gap-3">
        <div class="min-w-64 flex-1">
          <TextField
            {...form.field("to")}
            label="Recipient"
            type="email"
            autocomplete="off"
            hint="Leave empty to see every message."
          />
        </div>
        <button
          type="submit"
          class="rounded-md sm:mt-6 bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
        >
          Show messages
        </button>
      </form>

      <section aria-label="Messages" aria-busy={messages.loading} class="flex flex-col gap-4">
        <Switch>
          <Match when={messages.state === "errored" && isUnavailable(messages.error)}>
            <ErrorNotice message="Mailbox is not available: this server does not capture emails." />
          </Match>
          <Match when={messages.state === "errored"}>
            <ErrorNotice message={errorMessage(messages.error)} onRetry={() => void refetch()} />
          </Match>
          <Match when={messages.loading && !messages.latest}>
            <LoadingNotice label="Loading messages…" />
          </Match>
          <Match when={messages.latest?.length === 0}>
            <EmptyNotice message={to() ? `No messages to ${to()} yet.` : "No messages yet."} />
          </Match>
          <Match when={messages.latest}>
            {(list) => (
              <>
                <Show when={messages.loading}>
                  <LoadingNotice label="Refreshing…" />
                </Show>
                <For each={list()}>{(message) => <OutboxMessageCard message={message} />}</For>
              </>
            )}
          </Match>
        </Switch>
      </section>
    </div>
  );
}
