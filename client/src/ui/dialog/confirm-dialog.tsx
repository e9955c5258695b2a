import { DialogActions, DialogError } from "./dialog-actions.tsx";
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
      <div class="mb-4 empty:hidden">
        <DialogError message={props.error} />
      </div>
      <DialogActions
        label={props.confirmLabel}
        pendingLabel={props.pendingLabel}
        pending={props.pending}
        danger={props.danger}
        onAction={() => props.onConfirm()}
        onCancel={() => props.onClose()}
        focusCancel
      />
    </Modal>
  );
}
