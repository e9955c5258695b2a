import { createUniqueId, Show, type JSX } from "solid-js";

/** What a control needs to be tied to its label, hint and error. */
export interface FieldControl {
  id: string;
  /** aria-describedby: the hint and the error, when shown. */
  describedBy: () => string | undefined;
  /** aria-invalid. */
  invalid: () => "true" | undefined;
}

export interface FieldShellProps {
  label: string;
  required?: boolean | undefined;
  /** Guidance shown under the control and read with it. */
  hint?: JSX.Element | undefined;
  error?: string | undefined;
  children: (control: FieldControl) => JSX.Element;
}

/** The label ("(optional)" unless required), hint and error every form control shares. */
export function FieldShell(props: FieldShellProps) {
  const id = `field-${createUniqueId()}`;
  const control: FieldControl = {
    id,
    describedBy: () =>
      [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
    invalid: () => (props.error ? "true" : undefined),
  };
  return (
    <div>
      <label for={id} class="block text-sm font-medium">
        {props.label}
        <Show when={!props.required}>
          <span class="font-normal text-neutral-500 dark:text-neutral-400"> (optional)</span>
        </Show>
      </label>
      {props.children(control)}
      <Show when={props.hint}>
        <div id={`${id}-hint`} class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">
          {props.hint}
        </div>
      </Show>
      <Show when={props.error}>
        <p id={`${id}-error`} class="mt-1 text-sm text-red-700 dark:text-red-300">
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** The look shared by inputs, selects and text areas. */
export const controlClass =
  "mt-1 block w-full rounded-md border border-neutral-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-neutral-400 focus:border-indigo-500 disabled:opacity-60 dark:border-neutral-700 dark:bg-neutral-900 aria-[invalid=true]:border-red-500 dark:aria-[invalid=true]:border-red-400";
