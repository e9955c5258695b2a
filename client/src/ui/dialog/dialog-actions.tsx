import { Show } from "solid-js";

/** Why the last try failed, inside a dialog. */
export function DialogError(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      {(message) => (
        <p role="alert" class="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200">
          {message()}
        </p>
      )}
    </Show>
  );
}

export interface DialogActionsProps {
  label: string;
  pendingLabel: string;
  pending: boolean;
  /** A destructive action gets a red button. */
  danger?: boolean | undefined;
  /** Without it the action submits the dialog's form. */
  onAction?: (() => void) | undefined;
  onCancel: () => void;
  /** Cancel takes the focus first, so Enter does not destroy. */
  focusCancel?: boolean | undefined;
}

/** Cancel and the dialog's action, right-aligned; the action waits while `pending`. */
export function DialogActions(props: DialogActionsProps) {
  return (
    <div class="flex flex-wrap justify-end gap-3">
      <button
        type="button"
        autofocus={props.focusCancel}
        onClick={() => props.onCancel()}
        class="rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
      >
        Cancel
      </button>
      <button
        type={props.onAction ? "button" : "submit"}
        aria-disabled={props.pending}
        onClick={() => {
          if (!props.pending) props.onAction?.();
        }}
        class="rounded-md px-4 py-2 text-sm font-semibold text-white aria-disabled:cursor-wait aria-disabled:opacity-70"
        classList={{
          "bg-red-600 hover:bg-red-500": props.danger === true,
          "bg-indigo-600 hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400": props.danger !== true,
        }}
      >
        {props.pending ? props.pendingLabel : props.label}
      </button>
    </div>
  );
}
