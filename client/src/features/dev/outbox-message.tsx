import { For } from "solid-js";
import type { z } from "zod";
import type { outboxMessageSchema } from "@contracts/auth.ts";
import { linkify } from "../../lib/linkify.ts";

export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** One captured email, its links clickable. */
export function OutboxMessageCard(props: { message: OutboxMessage }) {
  return (
    <article
      data-testid="mailbox-message"
      class="rounded-lg border border-neutral-200 bg-white p-4 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <header class="flex flex-wrap items-baseline justify-between gap-2">
        <h2 class="font-semibold">{props.message.subject}</h2>
        <time datetime={props.message.createdAt} class="text-xs text-neutral-500 dark:text-neutral-400">
          {dateFormat.format(new Date(props.message.createdAt))}
        </time>
      </header>
      <p class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">To: {props.message.to}</p>
      <pre class="mt-3 font-sans text-sm break-words whitespace-pre-wrap">
        <For each={linkify(props.message.text)}>
          {(part) =>
            part.kind === "link" ? (
              // rel="external": a full page load, so /api/… links reach the Worker, not the client router.
              <a href={part.href} rel="external noreferrer" class="text-indigo-600 underline dark:text-indigo-400">
                {part.href}
              </a>
            ) : (
              part.text
            )
          }
        </For>
      </pre>
    </article>
  );
}
