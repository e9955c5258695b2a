import { For, Show } from "solid-js";
import { controlClass, FieldShell } from "./field-shell.tsx";

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

/** A labelled native select (keyboard and screen readers for free), with its hint and error. */
export function SelectField(props: SelectFieldProps) {
  return (
    <FieldShell label={props.label} required={props.required} hint={props.hint} error={props.error}>
      {(control) => (
        <select
          id={control.id}
          name={props.name}
          value={props.value}
          disabled={props.disabled}
          aria-invalid={control.invalid()}
          aria-describedby={control.describedBy()}
          onChange={(event) => props.onChange(event.currentTarget.value)}
          class={controlClass}
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
      )}
    </FieldShell>
  );
}
