import { For } from "solid-js";
import type { CategoryDto } from "@contracts/categories.ts";
import { CategoryCard } from "./category-card.tsx";

export function CategoryGrid(props: { categories: CategoryDto[] }) {
  return (
    <ul class="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      <For each={props.categories}>
        {(category) => (
          <li>
            <CategoryCard category={category} />
          </li>
        )}
      </For>
    </ul>
  );
}
