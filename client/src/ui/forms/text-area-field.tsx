import { createUniqueId, Show } from "solid-js";

export interface TextAreaFieldProps {
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  rows?: number;
  required?: boolean;
  error?: string | undefined;
}

/** TextField's multi-line sibling. */
export function TextAreaField(props: TextAreaFieldProps) {
  const id = `field-${createUniqueId()}`;
  return (
    <div>
      <label for={id} class="block text-sm font-medium">
        {props.label}
        <Show when={!props.required}>
          <span class="font-normal text-neutral-500 dark:text-neutral-400"> (optional)</span>
        </Show>
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
        class="mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900 aria-[invalid=true]:border-red-500"
      />
      <Show when={props.error}>
        <p id={`${id}-error`} class="mt-1 text-sm text-red-700 dark:text-red-300">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
