import { Show, type Accessor, type JSX, type ParentProps } from "solid-js";
import type { FormState } from "../../lib/form.ts";
import { ErrorNotice } from "../feedback/error-notice.tsx";
import { SubmitButton } from "./submit-button.tsx";

export interface FormShellProps {
  form: Pick<FormState<Record<string, string>>, "handleSubmit" | "formError" | "pending">;
  submitLabel: string;
  pendingLabel: string;
  /** Replaces the plain error notice, for forms that offer a way out of an error (an expired link…). */
  alert?: (message: Accessor<string>) => JSX.Element;
  /** Shown under the submit button (a status line…). */
  footer?: JSX.Element;
}

/** A submit-and-wait form: the error alert on top, the fields, then the submit button. */
export function FormShell(props: ParentProps<FormShellProps>) {
  return (
    <form noValidate onSubmit={(event) => props.form.handleSubmit(event)} class="flex flex-col gap-4">
      <Show when={props.form.formError()}>
        {(message) => props.alert?.(message) ?? <ErrorNotice message={message()} />}
      </Show>
      {props.children}
      <SubmitButton label={props.submitLabel} pendingLabel={props.pendingLabel} pending={props.form.pending()} />
      {props.footer}
    </form>
  );
}
