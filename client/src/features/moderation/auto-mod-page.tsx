import { createEffect, createResource, createSignal, createUniqueId, on, Show } from "solid-js";
import { DEFAULT_AUTO_MOD, PROFANITY_MODES, type AutoModSettings } from "@contracts/chat.ts";
import type { AutoModPreviewResult } from "@contracts/moderation.ts";
import { ApiError, errorMessage } from "../../lib/api/api-error.ts";
import { createDebounced } from "../../lib/debounced.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { getAutoModSettings, previewAutoMod, saveAutoModSettings } from "./moderation.api.ts";
import { buttonClass, inputClass, ModerationNav } from "./moderation-nav.tsx";

const PREVIEW_DELAY_MS = 300;
const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** /admin/moderation/auto-mod: the filters every chat applies, with a live preview of a sample message. */
export default function AutoModPage() {
  const id = createUniqueId();
  const [loaded, { refetch }] = createResource(() => getAutoModSettings());
  const [profanity, setProfanity] = createSignal<AutoModSettings["profanity"]>(DEFAULT_AUTO_MOD.profanity);
  const [spam, setSpam] = createSignal(DEFAULT_AUTO_MOD.spamBlocking);
  const [links, setLinks] = createSignal(DEFAULT_AUTO_MOD.linkBlocking);
  const [domains, setDomains] = createSignal("");
  const [words, setWords] = createSignal("");
  const [sample, setSample] = createSignal("Check out https://example.com, you fool");
  const [saved, setSaved] = createSignal<string | null>(null);
  const [saveError, setSaveError] = createSignal<string | null>(null);

  createEffect(
    on(
      () => loaded.latest,
      (s) => {
        if (!s) return;
        setProfanity(s.profanity);
        setSpam(s.spamBlocking);
        setLinks(s.linkBlocking);
        setDomains(s.allowedDomains.join("\n"));
        setWords(s.customWords.join("\n"));
      },
    ),
  );

  const settings = (): AutoModSettings => ({
    profanity: profanity(),
    spamBlocking: spam(),
    linkBlocking: links(),
    allowedDomains: lines(domains()),
    customWords: lines(words()),
  });
  const [debounced] = createDebounced(() => ({ text: sample(), settings: settings() }), PREVIEW_DELAY_MS);
  const [preview] = createResource(debounced, async (input): Promise<AutoModPreviewResult | { error: string }> => {
    try {
      return await previewAutoMod(input.text, input.settings);
    } catch (e) {
      return { error: errorMessage(e) };
    }
  });
  // A function call in JSX re-runs when the verdict changes (a Show callback would read it once).
  const previewView = () => {
    const r = preview.latest;
    if (!r) return <p>Checking…</p>;
    if ("error" in r) return <p class="text-red-700 dark:text-red-400">{r.error}</p>;
    return r.ok ? (
      <p>
        Shown as: <strong>{r.text}</strong>
      </p>
    ) : (
      <p class="text-red-700 dark:text-red-400">
        Refused ({r.code}): {r.message}
      </p>
    );
  };
  const forbidden = () => loaded.error instanceof ApiError && loaded.error.status === 403;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSaved(null);
    setSaveError(null);
    try {
      await saveAutoModSettings(settings());
      setSaved("Saved. Every chat applies the new settings within seconds.");
    } catch (e) {
      setSaveError(errorMessage(e));
    }
  }

  return (
    <div class="flex flex-col gap-6">
      <PageMeta title="Auto-mod" description="Chat auto-moderation settings." />
      <header>
        <h1 class="text-3xl font-bold tracking-tight">Auto-mod</h1>
        <p class="mt-2 text-neutral-600 dark:text-neutral-400">What every chat filters before a message is shown.</p>
      </header>
      <ModerationNav />
      <Show when={forbidden()}>
        <ErrorNotice message="Only admins can view and change the auto-mod settings." />
      </Show>
      <Show when={loaded.error && !forbidden()}>
        <ErrorNotice message={errorMessage(loaded.error)} onRetry={() => void refetch()} />
      </Show>
      <Show when={!loaded.error && !loaded.latest}>
        <LoadingNotice label="Loading settings…" />
      </Show>
      <Show when={loaded.latest}>
        <div class="grid gap-8 lg:grid-cols-2">
          <form class="flex flex-col gap-4" onSubmit={(e) => void save(e)} aria-label="Auto-mod settings">
            <div>
              <label for={`${id}-profanity`} class="block text-sm font-medium">
                Profanity
              </label>
              <select
                id={`${id}-profanity`}
                class={inputClass}
                value={profanity()}
                onChange={(e) => {
                  const value = PROFANITY_MODES.find((m) => m === e.currentTarget.value);
                  if (value) setProfanity(value);
                }}
              >
                <option value="off">Off: let it through</option>
                <option value="mask">Mask: replace with ****</option>
                <option value="block">Block: refuse the message</option>
              </select>
            </div>
            <label class="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={spam()} onChange={(e) => setSpam(e.currentTarget.checked)} />
              Block spam (repeated messages, floods of capitals or characters)
            </label>
            <label class="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={links()} onChange={(e) => setLinks(e.currentTarget.checked)} />
              Block links, except to the allowed domains
            </label>
            <div>
              <label for={`${id}-domains`} class="block text-sm font-medium">
                Allowed link domains (one per line)
              </label>
              <textarea
                id={`${id}-domains`}
                rows={4}
                class={inputClass}
                value={domains()}
                onInput={(e) => setDomains(e.currentTarget.value)}
              />
            </div>
            <div>
              <label for={`${id}-words`} class="block text-sm font-medium">
                Blocked words or phrases (one per line)
              </label>
              <textarea
                id={`${id}-words`}
                rows={6}
                class={inputClass}
                value={words()}
                onInput={(e) => setWords(e.currentTarget.value)}
              />
            </div>
            <div>
              <button type="submit" class={buttonClass}>
                Save settings
              </button>
            </div>
            <div aria-live="polite" class="text-sm">
              <Show when={saved()}>
                <p class="text-green-700 dark:text-green-400">{saved()}</p>
              </Show>
              <Show when={saveError()}>
                <p role="alert" class="text-red-700 dark:text-red-400">
                  {saveError()}
                </p>
              </Show>
            </div>
          </form>

          <section aria-labelledby={`${id}-preview`} class="flex flex-col gap-3">
            <h2 id={`${id}-preview`} class="text-lg font-semibold">
              Live preview
            </h2>
            <div>
              <label for={`${id}-sample`} class="block text-sm font-medium">
                Sample message
              </label>
              <input
                id={`${id}-sample`}
                class={inputClass}
                value={sample()}
                onInput={(e) => setSample(e.currentTarget.value)}
              />
            </div>
            <div
              aria-live="polite"
              data-testid="auto-mod-preview"
              class="rounded-lg border border-neutral-200 p-4 text-sm dark:border-neutral-800"
            >
              {previewView()}
            </div>
          </section>
        </div>
      </Show>
    </div>
  );
}
