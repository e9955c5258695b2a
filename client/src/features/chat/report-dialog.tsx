import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { ChatMessageDto } from "@contracts/chat.ts";
import { REPORT_REASONS } from "@contracts/moderation.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { DialogActions, DialogError } from "../../ui/dialog/dialog-actions.tsx";
import { Modal } from "../../ui/dialog/modal.tsx";
import { controlClass } from "../../ui/forms/field-shell.tsx";
import { reportMessage } from "./chat.api.ts";

type ReportReason = (typeof REPORT_REASONS)[number];
const REASON_LABELS: Record<ReportReason, string> = {
  SPAM: "Spam",
  HARASSMENT: "Harassment",
  INAPPROPRIATE: "Inappropriate",
  COPYRIGHT: "Copyright",
  OTHER: "Other",
};

export interface ReportDialogProps {
  message: ChatMessageDto | null;
  onClose: () => void;
}

/** A viewer reports a message to the admins: a reason and an optional description. */
export function ReportDialog(props: ReportDialogProps) {
  const [reason, setReason] = createSignal<ReportReason>("SPAM");
  const [description, setDescription] = createSignal("");
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  createEffect(
    on(
      () => props.message,
      () => {
        setReason("SPAM");
        setDescription("");
        setError(null);
        setDone(null);
      },
    ),
  );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const message = props.message;
    if (!message || pending()) return;
    setPending(true);
    setError(null);
    try {
      const text = description().trim();
      const report = await reportMessage(message.id, { reason: reason(), ...(text ? { description: text } : {}) });
      setDone(report.created ? "Thanks: the moderators will look at it." : "You had already reported this message.");
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal open={props.message !== null} title="Report message" onClose={() => props.onClose()}>
      <Show
        when={!done()}
        fallback={
          <div class="flex flex-col gap-4">
            <p role="status">{done()}</p>
            <div class="flex justify-end">
              <button
                type="button"
                autofocus
                onClick={() => props.onClose()}
                class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
              >
                Close
              </button>
            </div>
          </div>
        }
      >
        <form class="flex flex-col gap-4" onSubmit={(event) => void submit(event)} data-testid="report-dialog">
          <blockquote class="rounded-md bg-neutral-100 p-3 text-sm break-words whitespace-pre-wrap dark:bg-neutral-900">
            {props.message?.text}
          </blockquote>
          <div>
            <label for="report-reason" class="block text-sm font-medium">
              Reason
            </label>
            <select
              id="report-reason"
              class={controlClass}
              value={reason()}
              onChange={(event) => {
                const picked = event.currentTarget.value;
                setReason(REPORT_REASONS.find((r) => r === picked) ?? "OTHER");
              }}
            >
              <For each={[...REPORT_REASONS]}>
                {(value) => (
                  <option value={value} selected={value === reason()}>
                    {REASON_LABELS[value]}
                  </option>
                )}
              </For>
            </select>
          </div>
          <div>
            <label for="report-description" class="block text-sm font-medium">
              Description <span class="font-normal text-neutral-500 dark:text-neutral-400">(optional)</span>
            </label>
            <textarea
              id="report-description"
              maxLength={1000}
              rows={3}
              class={controlClass}
              value={description()}
              onInput={(event) => setDescription(event.currentTarget.value)}
            />
          </div>
          <DialogError message={error()} />
          <DialogActions
            label={"Report"}
            pendingLabel="Sending…"
            pending={pending()}
            danger={false}
            onCancel={() => props.onClose()}
          />
        </form>
      </Show>
    </Modal>
  );
}
