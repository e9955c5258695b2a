import { Show } from "solid-js";
import type { CategoryDto } from "@contracts/categories.ts";

export function CategoryCard(props: { category: CategoryDto }) {
  return (
    <article
      data-testid="category-card"
      data-slug={props.category.slug}
      class="h-full rounded-lg border border-neutral-200 bg-white p-4 shadow-sm dark:border-neutral-800 dark:bg-neutral-900"
    >
      <h3 class="font-semibold">{props.category.name}</h3>
      <Show when={props.category.description}>
        {(description) => <p class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">{description()}</p>}
      </Show>
    </article>
  );
}
