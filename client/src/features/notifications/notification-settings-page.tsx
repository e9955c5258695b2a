import {
  EMAIL_FREQUENCIES,
  NOTIFICATION_TYPE_LABELS,
  NOTIFICATION_TYPES,
  type EmailFrequency,
  type NotificationPreferencesDto,
} from "@contracts/notifications.ts";
import { createEffect, createResource, createSignal, For, on, Show } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { getNotificationPreferences, updateNotificationPreferences } from "./notifications.api.ts";

const FREQUENCY_LABELS: Record<EmailFrequency, string> = {
  instant: "Instantly, one email per notification",
  daily: "A daily digest",
};

/** /dashboard/settings/notifications — in-app and email per type, and how often emails come. */
export default function NotificationSettingsPage() {
  const [prefs, { refetch }] = createResource(() => getNotificationPreferences());
  const [draft, setDraft] = createStore<NotificationPreferencesDto>({
    types: {} as NotificationPreferencesDto["types"],
    emailFrequency: "instant",
  });
  const [saving, setSaving] = createSignal(false);
  const [result, setResult] = createSignal<{ ok: boolean; text: string } | null>(null);

  createEffect(
    on(prefs, (p) => {
      if (p) setDraft(reconcile(structuredClone(p)));
    }),
  );
  const loaded = () => prefs.state === "ready" && draft.types.STREAM_LIVE !== undefined;

  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    setSaving(true);
    setResult(null);
    try {
      const saved = await updateNotificationPreferences({
        types: structuredClone(unwrap(draft.types)),
        emailFrequency: draft.emailFrequency,
      });
      setDraft(reconcile(structuredClone(saved)));
      setResult({ ok: true, text: "Your notification settings are saved." });
    } catch (cause) {
      setResult({ ok: false, text: `Could not save: ${errorMessage(cause)}` });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div class="flex max-w-3xl flex-col gap-6">
      <PageMeta title="Notification settings" description="Choose what Tollgate tells you, and where." />
      <h1 class="text-3xl font-bold tracking-tight">Notification settings</h1>
      <Show
        when={loaded()}
        fallback={
          <Show when={prefs.error} fallback={<LoadingNotice label="Loading your settings…" />}>
            <ErrorNotice message={errorMessage(prefs.error)} onRetry={() => void refetch()} />
          </Show>
        }
      >
        <form onSubmit={(e) => void save(e)} class="flex flex-col gap-6">
          <div class="overflow-x-auto rounded-lg border border-neutral-200 dark:border-neutral-800">
            <table class="w-full text-sm">
              <caption class="sr-only">Notifications by type and channel</caption>
              <thead class="bg-neutral-50 text-left dark:bg-neutral-900">
                <tr>
                  <th scope="col" class="px-4 py-2 font-semibold">
                    Tell me when…
                  </th>
                  <th scope="col" class="px-4 py-2 text-center font-semibold">
                    In app
                  </th>
                  <th scope="col" class="px-4 py-2 text-center font-semibold">
                    Email
                  </th>
                </tr>
              </thead>
              <tbody class="divide-y divide-neutral-200 dark:divide-neutral-800">
                <For each={NOTIFICATION_TYPES}>
                  {(type) => (
                    <tr>
                      <th scope="row" class="px-4 py-2 text-left font-normal">
                        {NOTIFICATION_TYPE_LABELS[type]}
                      </th>
                      <td class="px-4 py-2 text-center">
                        <input
                          type="checkbox"
                          role="switch"
                          class="size-4"
                          data-testid={`pref-${type}-inApp`}
                          aria-label={`${NOTIFICATION_TYPE_LABELS[type]}: in app`}
                          checked={draft.types[type]?.inApp ?? false}
                          onChange={(e) => setDraft("types", type, "inApp", e.currentTarget.checked)}
                        />
                      </td>
                      <td class="px-4 py-2 text-center">
                        <input
                          type="checkbox"
                          role="switch"
                          class="size-4"
                          data-testid={`pref-${type}-email`}
                          aria-label={`${NOTIFICATION_TYPE_LABELS[type]}: email`}
                          checked={draft.types[type]?.email ?? false}
                          onChange={(e) => setDraft("types", type, "email", e.currentTarget.checked)}
                        />
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>

          <fieldset class="flex flex-col gap-2">
            <legend class="mb-1 font-semibold">Send emails</legend>
            <For each={EMAIL_FREQUENCIES}>
              {(frequency) => (
                <label class="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="emailFrequency"
                    value={frequency}
                    checked={draft.emailFrequency === frequency}
                    onChange={() => setDraft("emailFrequency", frequency)}
                  />
                  {FREQUENCY_LABELS[frequency]}
                </label>
              )}
            </For>
          </fieldset>

          <div class="flex flex-wrap items-center gap-4">
            <button
              type="submit"
              disabled={saving()}
              class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
            >
              {saving() ? "Saving…" : "Save"}
            </button>
            <p
              role="status"
              aria-live="polite"
              class="text-sm empty:hidden"
              classList={{
                "text-green-700 dark:text-green-400": result()?.ok === true,
                "text-red-700 dark:text-red-400": result()?.ok === false,
              }}
            >
              {result()?.text}
            </p>
          </div>
        </form>
      </Show>
    </div>
  );
}
