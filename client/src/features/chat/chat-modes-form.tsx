import { createSignal, For, Show } from "solid-js";
import type { ChatModes } from "@contracts/chat.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { controlClass } from "../../ui/forms/field-shell.tsx";
import { updateChatModes } from "./chat.api.ts";

export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60, 120] as const;

export interface ChatModesFormProps {
  streamId: string;
  modes: ChatModes | null;
  /** The saved modes (the object also broadcasts them to everyone). */
  onSaved: (modes: ChatModes) => void;
}

/** Slow mode, followers-only and credit-only: each change is saved at once. */
export function ChatModesForm(props: ChatModesFormProps) {
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const save = async (patch: Partial<ChatModes>) => {
    setSaving(true);
    setError(null);
    try {
      props.onSaved(await updateChatModes(props.streamId, patch));
    } catch (cause) {
      setError(errorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <fieldset class="flex flex-col gap-3" disabled={!props.modes} data-testid="chat-modes-form" aria-busy={saving()}>
      <legend class="text-sm font-semibold">Chat modes</legend>
      <div>
        <label for="chat-slow-mode" class="block text-sm font-medium">
          Slow mode
        </label>
        <select
          id="chat-slow-mode"
          class={controlClass}
          value={String(props.modes?.slowModeSeconds ?? 0)}
          onChange={(event) => void save({ slowModeSeconds: Number(event.currentTarget.value) })}
        >
          <For each={[...SLOW_MODE_CHOICES]}>
            {(seconds) => (
              <option value={String(seconds)} selected={seconds === props.modes?.slowModeSeconds}>
                {seconds === 0 ? "Off" : `${seconds} s`}
              </option>
            )}
          </For>
        </select>
      </div>
      <label class="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          class="size-4 rounded border-neutral-300 dark:border-neutral-700"
          checked={props.modes?.followersOnly ?? false}
          onChange={(event) => void save({ followersOnly: event.currentTarget.checked })}
        />
        Followers only
      </label>
      <label class="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          class="size-4 rounded border-neutral-300 dark:border-neutral-700"
          checked={props.modes?.creditOnly ?? true}
          onChange={(event) => void save({ creditOnly: event.currentTarget.checked })}
        />
        Credit only (viewers with credits)
      </label>
      <Show when={error()}>
        {(message) => (
          <p role="alert" class="text-sm text-red-700 dark:text-red-400">
            {message()}
          </p>
        )}
      </Show>
    </fieldset>
  );
}
