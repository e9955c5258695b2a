import { Show } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { rateLabel, viewersLabel } from "./stream-display.ts";
import { StreamStatusBadge } from "./stream-status-badge.tsx";

/** The watch page's sidebar: what is on, who streams it, and what it costs. */
export function StreamInfo(props: { stream: StreamDto }) {
  return (
    <section
      aria-labelledby="stream-title"
      data-testid="stream-info"
      class="flex flex-col gap-4 rounded-xl border border-neutral-200 bg-white p-5 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div class="flex flex-wrap items-center gap-2">
        <StreamStatusBadge status={props.stream.status} />
        <Show when={props.stream.status === "LIVE" || props.stream.status === "PAUSED"}>
          <span data-testid="viewer-count" class="text-sm text-neutral-600 tabular-nums dark:text-neutral-400">
            {viewersLabel(props.stream.viewerCount)}
          </span>
        </Show>
      </div>
      <h1 id="stream-title" class="text-2xl font-bold tracking-tight break-words">
        {props.stream.title}
      </h1>
      <dl class="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt class="text-neutral-500 dark:text-neutral-400">Creator</dt>
        <dd data-testid="stream-creator" class="font-medium">
          {props.stream.creator.displayName}
        </dd>
        <Show when={props.stream.category}>
          {(category) => (
            <>
              <dt class="text-neutral-500 dark:text-neutral-400">Category</dt>
              <dd>{category().name}</dd>
            </>
          )}
        </Show>
        <dt class="text-neutral-500 dark:text-neutral-400">Price</dt>
        <dd data-testid="stream-rate" class="font-medium">
          {rateLabel(props.stream.ratePerMinute)}
        </dd>
      </dl>
      <Show when={props.stream.description}>
        {(description) => (
          <p class="text-sm whitespace-pre-line text-neutral-700 dark:text-neutral-300">{description()}</p>
        )}
      </Show>
    </section>
  );
}
