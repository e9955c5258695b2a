import { Show, type JSX } from "solid-js";

/** A labelled figure on the creator's pages; a pulsing bar stands in while `value` is undefined. */
export function StatCard(props: { label: string; value: JSX.Element | undefined; hint?: string; testId?: string }) {
  return (
    <div class="rounded-xl border border-neutral-200 bg-white p-5 shadow-sm dark:border-neutral-800 dark:bg-neutral-900">
      <dt class="text-sm font-medium text-neutral-600 dark:text-neutral-400">{props.label}</dt>
      <dd class="mt-1 text-2xl font-bold tabular-nums" data-testid={props.testId}>
        <Show
          when={props.value !== undefined}
          fallback={
            <span
              class="block h-8 w-24 animate-pulse rounded bg-neutral-200 motion-reduce:animate-none dark:bg-neutral-800"
              aria-hidden="true"
            />
          }
        >
          {props.value}
        </Show>
      </dd>
      <Show when={props.hint}>
        <dd class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">{props.hint}</dd>
      </Show>
    </div>
  );
}
