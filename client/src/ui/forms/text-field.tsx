import type { JSX } from "solid-js";
import { controlClass, FieldShell } from "./field-shell.tsx";

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

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField(props: TextFieldProps) {
  return (
    <FieldShell label={props.label} required={props.required} hint={props.hint} error={props.error}>
      {(control) => (
        <input
          id={control.id}
          name={props.name}
          type={props.type ?? "text"}
          autocomplete={props.autocomplete}
          inputmode={props.inputmode}
          required={props.required}
          value={props.value}
          onInput={(event) => props.onInput(event.currentTarget.value)}
          aria-invalid={control.invalid()}
          aria-describedby={control.describedBy()}
          class={controlClass}
        />
      )}
    </FieldShell>
  );
}
