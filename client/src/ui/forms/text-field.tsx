import { createUniqueId, Show, type JSX } from "solid-js";

export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: "text" | "email" | "password";
  autocomplete?: string;
  /** The on-screen keyboard to offer ("decimal" for prices). */
  inputmode?: "numeric" | "decimal";
  required?: boolean;
  error?: string | undefined;
  /** Guidance shown under the input and read with it (password rules…). */
  hint?: JSX.Element;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-indigo-500 dark:border-neutral-700 dark:bg-neutral-900 aria-[invalid=true]:border-red-500 dark:aria-[invalid=true]:border-red-400";

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField(props: TextFieldProps) {
  const id = `field-${createUniqueId()}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = () =>
    [props.hint ? hintId : "", props.error ? errorId : ""].filter(Boolean).join(" ") || undefined;

  return (
    <div>
      <label for={id} class="block text-sm font-medium">
        {props.label}
        <Show when={!props.required}>
          <span class="font-normal text-neutral-500 dark:text-neutral-400"> (optional)</span>
        </Show>
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? "text"}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        required={props.required}
        value={props.value}
        onInput={(event) => props.onInput(event.currentTarget.value)}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        class={inputClass}
      />
      <Show when={props.hint}>
        <div id={hintId} class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <p id={errorId} class="mt-1 text-sm text-red-700 dark:text-red-300">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
