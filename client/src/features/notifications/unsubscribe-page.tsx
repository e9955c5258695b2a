import { A, useSearchParams } from "@solidjs/router";
import { createResource, Match, Switch } from "solid-js";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { unsubscribe } from "./notifications.api.ts";

/** /unsubscribe?token=… — the link at the foot of every email; works without signing in. */
export default function UnsubscribePage() {
  const [params] = useSearchParams();
  const token = () => {
    const t = params.token;
    return (Array.isArray(t) ? t[0] : t) ?? "";
  };
  const [result] = createResource(token, (t) => unsubscribe(t));

  const failure = () => {
    const error: unknown = result.error;
    if (error instanceof ApiError && (error.code === "UNSUBSCRIBE_TOKEN_INVALID" || error.status === 400)) {
      return "This unsubscribe link is not valid. It may have been changed or cut short — open it again from the email, or change your notification settings after signing in.";
    }
    return `Could not unsubscribe: ${errorMessage(error)}`;
  };

  return (
    <div class="mx-auto flex max-w-xl flex-col gap-4">
      <PageMeta title="Unsubscribe" description="Stop Tollgate's emails." />
      <h1 class="text-3xl font-bold tracking-tight">Unsubscribe</h1>
      <Switch>
        <Match when={!token()}>
          <p role="alert" class="text-red-700 dark:text-red-400">
            This unsubscribe link is missing its token. Open it again from the email.
          </p>
        </Match>
        <Match when={result.state === "errored"}>
          <p role="alert" data-testid="unsubscribe-error" class="text-red-700 dark:text-red-400">
            {failure()}
          </p>
        </Match>
        <Match when={result()}>
          <div role="status" data-testid="unsubscribe-done" class="flex flex-col gap-2">
            <p class="text-lg font-semibold">You won't get these emails any more.</p>
            <p class="text-neutral-700 dark:text-neutral-300">
              You can turn them back on, or choose others, in your{" "}
              <A href="/dashboard/settings/notifications" class="text-indigo-600 underline dark:text-indigo-400">
                notification settings
              </A>
              .
            </p>
          </div>
        </Match>
        <Match when={result.loading}>
          <LoadingNotice label="Unsubscribing…" />
        </Match>
      </Switch>
    </div>
  );
}
