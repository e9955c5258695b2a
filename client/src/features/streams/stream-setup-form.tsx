import { createResource, Show } from "solid-js";
import { createStreamSchema, type CreateStreamInput } from "@contracts/streams.ts";
import { ApiError } from "../../lib/api/api-error.ts";
import { createForm } from "../../lib/form.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { FormShell } from "../../ui/forms/form-shell.tsx";
import { SelectField } from "../../ui/forms/select-field.tsx";
import { TextAreaField } from "../../ui/forms/text-area-field.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { listCategories } from "../categories/categories.api.ts";

type SetupValues = { title: string; category: string; description: string; thumbnailUrl: string };

/** The form's strings as the API wants them: blanks left out. */
export function toCreateStreamInput(values: SetupValues): CreateStreamInput {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    title: values.title.trim(),
    category: optional(values.category),
    description: optional(values.description),
    thumbnailUrl: optional(values.thumbnailUrl),
  };
}

export interface StreamSetupFormProps {
  submit: (input: CreateStreamInput) => Promise<unknown>;
  /** Live video is off on this server: creating would be refused anyway. */
  disabled?: boolean;
}

/** Title, category, description and thumbnail of a new stream. */
export function StreamSetupForm(props: StreamSetupFormProps) {
  const [categories, { refetch }] = createResource(async () => (await listCategories()).categories);
  const form = createForm({
    initial: { title: "", category: "", description: "", thumbnailUrl: "" } satisfies SetupValues,
    schema: createStreamSchema,
    toInput: toCreateStreamInput,
    submit: async (input) => {
      if (props.disabled) {
        throw new ApiError(503, "LIVEKIT_NOT_CONFIGURED", "Live video is not configured on this server.");
      }
      return props.submit(input);
    },
  });

  return (
    <FormShell form={form} submitLabel="Create stream" pendingLabel="Creating…">
      <TextField {...form.field("title")} label="Title" required autocomplete="off" />
      <SelectField
        name="category"
        label="Category"
        value={form.values().category}
        onChange={(value) => form.setValue("category", value)}
        placeholder={categories.loading ? "Loading categories…" : "No category"}
        options={(categories.error ? [] : (categories.latest ?? [])).map((category) => ({
          value: category.slug,
          label: category.name,
        }))}
        error={form.error("category")}
      />
      <Show when={categories.error}>
        <ErrorNotice message="The categories could not be loaded." onRetry={() => void refetch()} />
      </Show>
      <TextAreaField {...form.field("description")} label="Description" rows={3} />
      <TextField
        {...form.field("thumbnailUrl")}
        label="Thumbnail URL"
        autocomplete="off"
        hint="An image shown on the home page, https://…"
      />
    </FormShell>
  );
}
