import { controlClass, FieldShell } from "./field-shell.tsx";

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
  return (
    <FieldShell label={props.label} required={props.required} error={props.error}>
      {(control) => (
        <textarea
          id={control.id}
          name={props.name}
          rows={props.rows ?? 3}
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
