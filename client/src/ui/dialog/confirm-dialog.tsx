import { Show } from "solid-js";
import { Modal } from "./modal.tsx";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** Why the last try failed, shown in the dialog. */
  error?: string | null;
  /** A destructive action gets a red button. */
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" on the shared modal: Cancel (focused first, so Enter does not destroy) and the action. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Modal open={props.open} title={props.title} description={props.description} onClose={() => props.onClose()}>
      <Show when={props.error}>
        {(message) => (
          <p
            role="alert"
            class="mb-4 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
          >
            {message()}
          </p>
        )}
      </Show>
      <div class="flex flex-wrap justify-end gap-3">
        <button
          type="button"
          autofocus
          onClick={() => props.onClose()}
          class="rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800"
        >
          Cancel
        </button>
        <button
          type="button"
          aria-disabled={props.pending}
          onClick={() => {
            if (!props.pending) props.onConfirm();
          }}
          class="rounded-md px-4 py-2 text-sm font-semibold text-white aria-disabled:cursor-wait aria-disabled:opacity-70"
          classList={{
            "bg-red-600 hover:bg-red-500": props.danger,
            "bg-indigo-600 hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400": !props.danger,
          }}
        >
          {props.pending ? props.pendingLabel : props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
