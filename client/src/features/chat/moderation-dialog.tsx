import { createEffect, createSignal, For, on, Show } from "solid-js";
import { errorMessage } from "../../lib/api/api-error.ts";
import { DialogActions, DialogError } from "../../ui/dialog/dialog-actions.tsx";
import { Modal } from "../../ui/dialog/modal.tsx";
import { controlClass } from "../../ui/forms/field-shell.tsx";
import { moderateChat } from "./chat.api.ts";
import { durationLabel } from "./chat-labels.ts";
import type { ModerationKind } from "./chat-message-row.tsx";

export const MUTE_DURATIONS = [60, 600, 3600, 86_400] as const;
/** 0 = permanent. */
export const BAN_DURATIONS = [0, 86_400] as const;

export interface ModerationTarget {
  kind: ModerationKind;
  userId: string;
  displayName: string;
  messageId?: string;
  text?: string;
}

const TITLES: Record<ModerationKind, (name: string) => string> = {
  delete: (name) => `Delete ${name}'s message`,
  mute: (name) => `Mute ${name}`,
  ban: (name) => `Ban ${name}`,
  warn: (name) => `Warn ${name}`,
};
const CONFIRM: Record<ModerationKind, string> = { delete: "Delete", mute: "Mute", ban: "Ban", warn: "Send warning" };

export interface ModerationDialogProps {
  streamId: string;
  target: ModerationTarget | null;
  onClose: () => void;
  onDone: (target: ModerationTarget) => void;
}

/** Asks the reason (and the duration of a mute or ban), then acts through the moderation endpoint. */
export function ModerationDialog(props: ModerationDialogProps) {
  const [reason, setReason] = createSignal("");
  const [duration, setDuration] = createSignal<number>(MUTE_DURATIONS[1]);
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  createEffect(
    on(
      () => props.target,
      (target) => {
        setReason("");
        setError(null);
        setDuration(target?.kind === "ban" ? BAN_DURATIONS[0] : MUTE_DURATIONS[1]);
      },
    ),
  );

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const target = props.target;
    if (!target || pending()) return;
    if (!reason().trim()) {
      setError("Give a reason.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const timed = target.kind === "mute" || (target.kind === "ban" && duration() > 0);
      await moderateChat(props.streamId, {
        action: target.kind,
        reason: reason().trim(),
        ...(target.kind === "delete" ? { messageId: target.messageId } : { targetUserId: target.userId }),
        ...(timed ? { duration: duration() } : {}),
      });
      props.onDone(target);
      props.onClose();
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={props.target !== null}
      title={props.target ? TITLES[props.target.kind](props.target.displayName) : ""}
      onClose={() => props.onClose()}
    >
      <Show when={props.target}>
        {(target) => (
          <form class="flex flex-col gap-4" onSubmit={(event) => void submit(event)} data-testid="moderation-dialog">
            <Show when={target().text}>
              {(text) => (
                <blockquote class="rounded-md bg-neutral-100 p-3 text-sm break-words whitespace-pre-wrap dark:bg-neutral-900">
                  {text()}
                </blockquote>
              )}
            </Show>
            <Show when={target().kind === "mute" || target().kind === "ban"}>
              <div>
                <label for="moderation-duration" class="block text-sm font-medium">
                  Duration
                </label>
                <select
                  id="moderation-duration"
                  class={controlClass}
                  value={String(duration())}
                  onChange={(event) => setDuration(Number(event.currentTarget.value))}
                >
                  <For each={target().kind === "mute" ? [...MUTE_DURATIONS] : [...BAN_DURATIONS]}>
                    {(seconds) => (
                      <option value={String(seconds)} selected={seconds === duration()}>
                        {seconds === 0 ? "Permanent" : durationLabel(seconds)}
                      </option>
                    )}
                  </For>
                </select>
              </div>
            </Show>
            <div>
              <label for="moderation-reason" class="block text-sm font-medium">
                Reason
              </label>
              <textarea
                id="moderation-reason"
                required
                maxLength={500}
                rows={2}
                class={controlClass}
                value={reason()}
                onInput={(event) => setReason(event.currentTarget.value)}
              />
            </div>
            <DialogError message={error()} />
            <DialogActions
              label={CONFIRM[target().kind]}
              pendingLabel="Working…"
              pending={pending()}
              danger={true}
              onCancel={() => props.onClose()}
            />
          </form>
        )}
      </Show>
    </Modal>
  );
}
