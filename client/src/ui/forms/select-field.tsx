import { createUniqueId, For, Show } from "solid-js";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  name?: string;
  label: string;
  value: string;
  options: SelectOption[];
  onChange: (value: string) => void;
  /** The first option, meaning "none" (value ""). */
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
  error?: string | undefined;
  hint?: string;
}

const selectClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 disabled:opacity-60 dark:border-neutral-700 dark:bg-neutral-900 aria-[invalid=true]:border-red-500";

/** A labelled native select (keyboard and screen readers for free), with its hint and error. */
export function SelectField(props: SelectFieldProps) {
  const id = `select-${createUniqueId()}`;
  const describedBy = () =>
    [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label for={id} class="block text-sm font-medium">
        {props.label}
        <Show when={!props.required}>
          <span class="font-normal text-neutral-500 dark:text-neutral-400"> (optional)</span>
        </Show>
      </label>
      <select
        id={id}
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        class={selectClass}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <Show when={props.hint}>
        <p id={`${id}-hint`} class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p id={`${id}-error`} class="mt-1 text-sm text-red-700 dark:text-red-300">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
