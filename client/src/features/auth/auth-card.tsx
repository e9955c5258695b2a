import { Show, type JSX, type ParentProps } from "solid-js";

export interface AuthCardProps {
  title: string;
  description?: JSX.Element;
}

/** The frame of the account pages: one narrow card with a heading. */
export function AuthCard(props: ParentProps<AuthCardProps>) {
  return (
    <section class="mx-auto w-full max-w-md py-8">
      <div class="rounded-lg border border-neutral-200 bg-white p-6 shadow-sm sm:p-8 dark:border-neutral-800 dark:bg-neutral-900">
        <h1 class="text-2xl font-bold tracking-tight">{props.title}</h1>
        <Show when={props.description}>
          <div class="mt-2 text-sm text-neutral-600 dark:text-neutral-400">{props.description}</div>
        </Show>
        <div class="mt-6">{props.children}</div>
      </div>
    </section>
  );
}
