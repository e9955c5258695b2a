import { createSignal, For, Show } from "solid-js";
import { MAX_STREAM_TAGS } from "@contracts/streams.ts";
import { FieldShell, controlClass } from "../../ui/forms/field-shell.tsx";
import { addTags, splitTagInput } from "./tags.ts";

export interface TagsInputProps {
  label: string;
  tags: readonly string[];
  onChange: (tags: string[]) => void;
  /** A server or schema error about the tags. */
  error?: string | undefined;
}

/**
 * Tags as removable chips: Enter or a comma adds what was typed, Backspace in the empty box removes
 * the last one, and each change is announced.
 */
export function TagsInput(props: TagsInputProps) {
  const [text, setText] = createSignal("");
  const [problem, setProblem] = createSignal<string | null>(null);
  const [announcement, setAnnouncement] = createSignal("");

  const commit = (raw: string) => {
    const candidates = splitTagInput(raw);
    if (candidates.length === 0) return;
    const result = addTags(props.tags, candidates);
    setProblem(result.error);
    if (result.added.length > 0) {
      props.onChange(result.tags);
      setAnnouncement(`Added ${result.added.join(", ")}. ${result.tags.length} of ${MAX_STREAM_TAGS} tags.`);
    }
    // A refused tag stays in the box to be fixed.
    setText(result.error ? (candidates.at(-1) ?? "") : "");
  };

  const remove = (tag: string) => {
    props.onChange(props.tags.filter((t) => t !== tag));
    setProblem(null);
    setAnnouncement(`Removed ${tag}.`);
  };

  return (
    <FieldShell
      label={props.label}
      error={problem() ?? props.error}
      hint={`Press Enter or type a comma to add a tag; Backspace removes the last. Up to ${MAX_STREAM_TAGS}.`}
    >
      {(control) => (
        <div class="mt-1">
          <Show when={props.tags.length > 0}>
            <ul class="mb-2 flex flex-wrap gap-2" aria-label={`${props.label}: ${props.tags.length} chosen`}>
              <For each={props.tags}>
                {(tag) => (
                  <li class="flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-3 text-sm text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
                    <span data-testid="tag-chip">{tag}</span>
                    <button
                      type="button"
                      class="rounded-full px-1.5 leading-5 hover:bg-indigo-200 dark:hover:bg-indigo-800"
                      aria-label={`Remove tag ${tag}`}
                      onClick={() => remove(tag)}
                    >
                      ×
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <input
            id={control.id}
            type="text"
            autocomplete="off"
            value={text()}
            aria-invalid={control.invalid()}
            aria-describedby={control.describedBy()}
            class={controlClass.replace("mt-1 ", "")}
            onInput={(event) => {
              const value = event.currentTarget.value;
              if (value.includes(",")) {
                // Everything before the last comma is finished; the rest is still being typed.
                const cut = value.lastIndexOf(",");
                commit(value.slice(0, cut));
                if (!problem()) setText(value.slice(cut + 1));
                event.currentTarget.value = text();
              } else {
                setText(value);
              }
            }}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                commit(text());
                event.currentTarget.value = text();
              } else if (event.key === "Backspace" && text() === "" && props.tags.length > 0) {
                const last = props.tags.at(-1);
                if (last) remove(last);
              }
            }}
            onBlur={(event) => {
              commit(text());
              event.currentTarget.value = text();
            }}
          />
          <p class="sr-only" aria-live="polite">
            {announcement()}
          </p>
        </div>
      )}
    </FieldShell>
  );
}
