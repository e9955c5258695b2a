import { createResource, createSignal } from "solid-js";
import type { CreatorStreamRow } from "@contracts/creator-streams.ts";
import { MAX_STREAM_TAGS, updateStreamSchema, type StreamDto } from "@contracts/streams.ts";
import { createForm } from "../../lib/form.ts";
import { DialogActions, DialogError } from "../../ui/dialog/dialog-actions.tsx";
import { Modal } from "../../ui/dialog/modal.tsx";
import { SelectField } from "../../ui/forms/select-field.tsx";
import { TextAreaField } from "../../ui/forms/text-area-field.tsx";
import { TextField } from "../../ui/forms/text-field.tsx";
import { listCategories } from "../categories/categories.api.ts";
import { updateStream } from "../streams/streams.api.ts";

type EditValues = { title: string; description: string; category: string; tags: string };

/** The dialog's strings as PATCH /api/streams/:id takes them: blanks clear, tags split on commas. */
export function toUpdateInput(values: EditValues) {
  return {
    title: values.title.trim(),
    description: values.description.trim() || null,
    category: values.category || null,
    tags: values.tags
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean),
  };
}

/** Edit a stream's title, description, category and tags (the rest belongs to the go-live page). */
export function EditStreamDialog(props: {
  row: CreatorStreamRow;
  onClose: () => void;
  onSaved: (stream: StreamDto) => void;
}) {
  const [categories] = createResource(async () => (await listCategories()).categories);
  // Closing goes through the dialog element, so focus returns to the row's menu before this unmounts.
  const [open, setOpen] = createSignal(true);
  const form = createForm({
    initial: {
      title: props.row.title,
      description: props.row.description ?? "",
      category: props.row.category?.slug ?? "",
      tags: props.row.tags.join(", "),
    } satisfies EditValues,
    schema: updateStreamSchema,
    toInput: toUpdateInput,
    submit: (input) => updateStream(props.row.id, input),
    onSuccess: (result) => {
      props.onSaved(result.stream);
      setOpen(false);
    },
  });
  return (
    <Modal open={open()} title="Edit stream" description={props.row.title} onClose={() => props.onClose()}>
      <form
        onSubmit={(event) => form.handleSubmit(event)}
        novalidate
        class="flex flex-col gap-4"
        data-testid="edit-stream-form"
      >
        <TextField {...form.field("title")} label="Title" required autocomplete="off" />
        <TextAreaField {...form.field("description")} label="Description" rows={3} />
        <SelectField
          name="category"
          label="Category"
          value={form.values().category}
          onChange={(value) => form.setValue("category", value)}
          placeholder={categories.loading ? "Loading categories…" : "No category"}
          options={(categories.error ? [] : (categories.latest ?? [])).map((c) => ({ value: c.slug, label: c.name }))}
          error={form.error("category")}
        />
        <TextField
          {...form.field("tags")}
          label="Tags"
          autocomplete="off"
          hint={`Separated by commas: at most ${MAX_STREAM_TAGS}, each up to 24 characters.`}
        />
        <DialogError message={form.formError()} />
        <DialogActions label="Save" pendingLabel="Saving…" pending={form.pending()} onCancel={() => setOpen(false)} />
      </form>
    </Modal>
  );
}
