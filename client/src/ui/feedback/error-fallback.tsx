import { errorMessage } from "../../lib/api/api-error.ts";

export interface ErrorFallbackProps {
  error: unknown;
  reset: () => void;
}

export function ErrorFallback(props: ErrorFallbackProps) {
  return (
    <section role="alert" class="mx-auto max-w-xl py-16 text-center">
      <h1 class="text-2xl font-bold tracking-tight">Something went wrong</h1>
      <p class="mt-3 text-neutral-600 dark:text-neutral-400">{errorMessage(props.error)}</p>
      <button
        type="button"
        onClick={() => props.reset()}
        class="mt-6 rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
      >
        Try again
      </button>
    </section>
  );
}
