import { A, useBeforeLeave } from "@solidjs/router";
import { createResource, createSignal, Match, onCleanup, Switch } from "solid-js";
import type { CategoryDto } from "@contracts/categories.ts";
import {
  MAX_BIO_LENGTH,
  STREAM_QUALITIES,
  updateCreatorSettingsSchema,
  type CreatorSettingsDto,
} from "@contracts/creator-settings.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { createForm } from "../../lib/form.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { SelectField } from "../../ui/forms/select-field.tsx";
import { TextAreaField } from "../../ui/forms/text-area-field.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { useSession } from "../auth/session-context.tsx";
import { listCategories } from "../categories/categories.api.ts";
import { QUALITY_LABELS } from "../streams/publish-quality.ts";
import { TagsInput } from "../streams/tags-input.tsx";
import { SettingsAvatar } from "./settings-avatar.tsx";
import { charactersLeftLabel, toSettingsInput, toSettingsValues } from "./settings-form.ts";
import { getCreatorSettings, saveCreatorSettings } from "./settings.api.ts";

const sectionClass =
  "flex flex-col gap-4 rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900";

/** /creator/settings: the public profile (name, bio, avatar) and the defaults of a new stream. */
export default function CreatorSettingsPage() {
  const [data, { refetch }] = createResource(async () => {
    const [settings, categories] = await Promise.all([getCreatorSettings(), listCategories()]);
    return { settings, categories: categories.categories };
  });

  return (
    <div class="flex max-w-3xl flex-col gap-6">
      <PageMeta title="Creator settings" description="Your profile and stream defaults." />
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Creator settings</h1>
          <p class="mt-2 text-neutral-600 dark:text-neutral-400">
            How viewers see you, and what a new stream starts with.
          </p>
        </div>
        <A href="/creator" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Creator studio
        </A>
      </header>
      <Switch>
        <Match when={data.error}>
          <ErrorNotice message={errorMessage(data.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={data.latest}>
          {(loaded) => <SettingsForm settings={loaded().settings} categories={loaded().categories} />}
        </Match>
        <Match when={true}>
          <LoadingNotice label="Loading your settings…" />
        </Match>
      </Switch>
    </div>
  );
}

function SettingsForm(props: { settings: CreatorSettingsDto; categories: CategoryDto[] }) {
  const session = useSession();
  // Read once: the form owns its values from here on.
  const initial = props.settings;
  const [tags, setTags] = createSignal<string[]>([...initial.defaults.tags]);
  const [saved, setSaved] = createSignal<string>("");
  const form = createForm({
    initial: toSettingsValues(initial),
    schema: updateCreatorSettingsSchema,
    toInput: (values) => toSettingsInput(values, tags()),
    submit: (input) => {
      setSaved("");
      return saveCreatorSettings(input);
    },
    onSuccess: (result) => {
      // Show what was stored (trimmed, tags normalised).
      form.setValue("profile.displayName", result.profile.displayName);
      form.setValue("profile.bio", result.profile.bio ?? "");
      setTags(result.defaults.tags);
      setSavedSnapshot(snapshot());
      setSaved(`Saved at ${new Date().toLocaleTimeString()}.`);
      // The navbar and other pages show the new name.
      void session.reload();
    },
  });
  const bio = () => form.values()["profile.bio"];

  // Leaving with unsaved changes asks first (in-app links and closing the tab).
  const snapshot = () => JSON.stringify(toSettingsInput(form.values(), tags()));
  const [savedSnapshot, setSavedSnapshot] = createSignal(snapshot());
  const dirty = () => snapshot() !== savedSnapshot();
  useBeforeLeave((event) => {
    if (dirty() && !event.defaultPrevented && !window.confirm("Leave without saving your settings?")) {
      event.preventDefault();
    }
  });
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (dirty()) event.preventDefault();
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));

  return (
    <>
      <section aria-labelledby="avatar-heading" class={sectionClass}>
        <h2 id="avatar-heading" class="text-xl font-semibold">
          Avatar
        </h2>
        <SettingsAvatar displayName={form.values()["profile.displayName"]} url={initial.profile.avatarUrl} />
      </section>
      <FormShell
        form={form}
        submitLabel="Save settings"
        pendingLabel="Saving…"
        footer={
          <p
            role="status"
            aria-live="polite"
            data-testid="settings-saved"
            class="text-sm text-emerald-700 dark:text-emerald-400"
          >
            {saved()}
          </p>
        }
      >
        <fieldset class={sectionClass}>
          <legend class="sr-only">Profile</legend>
          <h2 class="text-xl font-semibold" aria-hidden="true">
            Profile
          </h2>
          <TextField {...form.field("profile.displayName")} label="Display name" required autocomplete="nickname" />
          <div>
            <TextAreaField {...form.field("profile.bio")} label="Bio" rows={4} />
            <p
              class="mt-1 text-xs text-neutral-500 dark:text-neutral-400"
              classList={{ "text-red-700 dark:text-red-300": bio().trim().length > MAX_BIO_LENGTH }}
              data-testid="bio-counter"
            >
              {charactersLeftLabel(bio(), MAX_BIO_LENGTH)}
            </p>
          </div>
        </fieldset>
        <fieldset class={sectionClass}>
          <legend class="sr-only">Stream defaults</legend>
          <h2 class="text-xl font-semibold" aria-hidden="true">
            Stream defaults
          </h2>
          <p class="-mt-2 text-sm text-neutral-600 dark:text-neutral-400">
            Filled in for you when you go live; you can change them for each stream.
          </p>
          <SelectField
            name="defaults.categoryId"
            label="Default category"
            value={form.values()["defaults.categoryId"]}
            onChange={(value) => form.setValue("defaults.categoryId", value)}
            placeholder="No category"
            options={props.categories.map((category) => ({ value: category.id, label: category.name }))}
            error={form.error("defaults.categoryId")}
          />
          <TagsInput
            label="Default tags"
            tags={tags()}
            onChange={(next) => setTags(next)}
            error={form.error("defaults.tags")}
          />
          <SelectField
            name="defaults.quality"
            label="Browser streaming quality"
            required
            value={form.values()["defaults.quality"]}
            onChange={(value) => form.setValue("defaults.quality", value)}
            options={STREAM_QUALITIES.map((quality) => ({ value: quality, label: QUALITY_LABELS[quality] }))}
            error={form.error("defaults.quality")}
            hint="What your camera sends when you stream from this browser. OBS uses its own output settings."
          />
        </fieldset>
      </FormShell>
    </>
  );
}
