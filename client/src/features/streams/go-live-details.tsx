import { Show } from "solid-js";
import type { CategoryDto } from "@contracts/categories.ts";
import { SelectField } from "../../ui/forms/select-field.tsx";
import { TextAreaField } from "../../ui/forms/text-area-field.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import type { DetailsValues } from "./go-live-steps.ts";
import { TagsInput } from "./tags-input.tsx";

export interface GoLiveDetailsProps {
  values: DetailsValues;
  onChange: (patch: Partial<DetailsValues>) => void;
  errors: Partial<Record<keyof DetailsValues, string>>;
  categories: readonly CategoryDto[];
  /** Where the prefilled category and tags came from, when they came from the settings. */
  fromDefaults: boolean;
}

/** Step 1: what viewers see on the card and the watch page. */
export function GoLiveDetails(props: GoLiveDetailsProps) {
  return (
    <div class="flex flex-col gap-4">
      <Show when={props.fromDefaults}>
        <p class="text-sm text-neutral-600 dark:text-neutral-400">
          Category and tags come from your{" "}
          <a href="/creator/settings" class="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
            stream defaults
          </a>
          .
        </p>
      </Show>
      <TextField
        name="title"
        label="Title"
        required
        autocomplete="off"
        value={props.values.title}
        onInput={(title) => props.onChange({ title })}
        error={props.errors.title}
      />
      <TextAreaField
        name="description"
        label="Description"
        rows={3}
        value={props.values.description}
        onInput={(description) => props.onChange({ description })}
        error={props.errors.description}
      />
      <SelectField
        name="category"
        label="Category"
        value={props.values.category}
        onChange={(category) => props.onChange({ category })}
        placeholder="No category"
        options={props.categories.map((category) => ({ value: category.slug, label: category.name }))}
        error={props.errors.category}
      />
      <TagsInput
        label="Tags"
        tags={props.values.tags}
        onChange={(tags) => props.onChange({ tags })}
        error={props.errors.tags}
      />
      <TextField
        name="thumbnailUrl"
        label="Thumbnail URL"
        autocomplete="off"
        value={props.values.thumbnailUrl}
        onInput={(thumbnailUrl) => props.onChange({ thumbnailUrl })}
        error={props.errors.thumbnailUrl}
        hint="An image shown on the stream's card, https://… You can also upload one on the next step."
      />
    </div>
  );
}
