import { For } from "solid-js";

/** Grey placeholder blocks while an admin page or its data loads. */
export function AdminSkeleton(props: { label?: string; rows?: number }) {
  return (
    <div role="status" aria-live="polite" class="flex flex-col gap-4" data-testid="admin-skeleton">
      <span class="sr-only">{props.label ?? "Loading…"}</span>
      <div class="h-8 w-48 animate-pulse rounded-md bg-neutral-200 motion-reduce:animate-none dark:bg-neutral-800" />
      <div class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <For each={Array.from({ length: props.rows ?? 3 })}>
          {() => (
            <div class="h-24 animate-pulse rounded-xl bg-neutral-200 motion-reduce:animate-none dark:bg-neutral-800" />
          )}
        </For>
      </div>
    </div>
  );
}
