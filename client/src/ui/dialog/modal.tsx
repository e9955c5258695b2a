import { createEffect, createUniqueId, Show, type ParentProps } from "solid-js";
import { CloseIcon } from "../icons.tsx";

export interface ModalProps {
  open: boolean;
  title: string;
  description?: string;
  onClose: () => void;
}

/**
 * A modal dialog on the native <dialog> (showModal): the rest of the page is inert, so focus
 * stays inside; Escape and a click on the backdrop close it; focus returns to the opener.
 */
export function Modal(props: ParentProps<ModalProps>) {
  const titleId = `dialog-${createUniqueId()}`;
  const descriptionId = `${titleId}-description`;
  let dialog: HTMLDialogElement | undefined;
  let opener: Element | null = null;

  createEffect(() => {
    if (!dialog) return;
    if (props.open && !dialog.open) {
      opener = document.activeElement;
      dialog.showModal();
    } else if (!props.open && dialog.open) {
      dialog.close();
    }
  });

  const onClose = () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
    props.onClose();
  };

  return (
    <dialog
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={props.description ? descriptionId : undefined}
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog) dialog.close();
      }}
      class="m-auto max-h-[90dvh] w-[min(56rem,calc(100%-2rem))] overflow-y-auto rounded-xl border border-neutral-200 bg-white p-0 text-neutral-900 shadow-xl backdrop:bg-black/50 dark:border-neutral-800 dark:bg-neutral-950 dark:text-neutral-100"
    >
      <Show when={props.open}>
        <div class="p-6">
          <div class="flex items-start justify-between gap-4">
            <div>
              <h2 id={titleId} class="text-xl font-bold tracking-tight">
                {props.title}
              </h2>
              <Show when={props.description}>
                <p id={descriptionId} class="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
                  {props.description}
                </p>
              </Show>
            </div>
            <button
              type="button"
              aria-label="Close"
              onClick={() => dialog?.close()}
              class="rounded-md p-1.5 text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900 dark:hover:bg-neutral-800 dark:hover:text-white"
            >
              <CloseIcon />
            </button>
          </div>
          <div class="mt-5">{props.children}</div>
        </div>
      </Show>
    </dialog>
  );
}
