import { DropdownMenu as Kobalte } from "@kobalte/core/dropdown-menu";
import { For, Show, type JSX } from "solid-js";

export interface MenuAction {
  label: string;
  onSelect: () => void;
  /** Destructive actions are shown in red. */
  danger?: boolean;
}

export interface DropdownMenuProps {
  /** The trigger's accessible name ("Actions for Ana's message"). */
  label: string;
  /** What the trigger shows (an icon); the label is read. */
  trigger: JSX.Element;
  items: MenuAction[];
  triggerClass?: string;
  testId?: string;
}

/**
 * A menu button on Kobalte's DropdownMenu: arrow keys move, Enter/Space choose, Escape closes and
 * focus returns to the trigger.
 */
export function DropdownMenu(props: DropdownMenuProps) {
  // The chosen action runs once the menu has closed and focus is back on the trigger: an action
  // that opens a dialog then opens it over a settled page (and the dialog returns focus there).
  let chosen: (() => void) | null = null;
  const runChosen = () => {
    const action = chosen;
    chosen = null;
    if (action) setTimeout(action, 0);
  };
  return (
    <Kobalte placement="bottom-end" gutter={4}>
      <Kobalte.Trigger
        aria-label={props.label}
        data-testid={props.testId}
        class={
          props.triggerClass ??
          "rounded-md p-1 text-neutral-500 hover:bg-neutral-100 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-neutral-400 dark:hover:bg-neutral-800 dark:hover:text-white"
        }
      >
        {props.trigger}
      </Kobalte.Trigger>
      <Kobalte.Portal>
        <Kobalte.Content
          onCloseAutoFocus={runChosen}
          class="z-50 min-w-40 rounded-md border border-neutral-200 bg-white p-1 text-sm shadow-lg outline-none dark:border-neutral-700 dark:bg-neutral-900"
        >
          <For each={props.items}>
            {(item) => (
              <Kobalte.Item
                onSelect={() => {
                  chosen = item.onSelect;
                }}
                class="cursor-pointer rounded px-3 py-1.5 outline-none select-none data-[highlighted]:bg-neutral-100 dark:data-[highlighted]:bg-neutral-800"
                classList={{
                  "text-red-700 dark:text-red-400": item.danger,
                  "text-neutral-900 dark:text-neutral-100": !item.danger,
                }}
              >
                <Show when={item.label}>{(label) => <span>{label()}</span>}</Show>
              </Kobalte.Item>
            )}
          </For>
        </Kobalte.Content>
      </Kobalte.Portal>
    </Kobalte>
  );
}
