import { Show } from "solid-js";

export interface ErrorNoticeProps {
  message: string;
  onRetry?: () => void;
}

export function ErrorNotice(props: ErrorNoticeProps) {
  return (
    <div
      role="alert"
      class="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
    >
      <p>{props.message}</p>
      <Show when={props.onRetry}>
        {(retry) => (
          <button
            type="button"
            onClick={() => retry()()}
            class="rounded-md border border-red-300 bg-white px-3 py-1.5 font-medium text-red-800 hover:bg-red-100 dark:border-red-800 dark:bg-red-950 dark:text-red-100 dark:hover:bg-red-900"
          >
            Retry
          </button>
        )}
      </Show>
    </div>
  );
}
