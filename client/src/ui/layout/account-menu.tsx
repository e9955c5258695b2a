import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ChevronDownIcon, UserIcon } from "../icons.tsx";
import { createDisclosure } from "./disclosure.ts";
import type { NavLink } from "./nav-links.ts";

export interface AccountMenuProps {
  name: string;
  links: NavLink[];
  onLogout: () => void;
  loggingOut: boolean;
}

const itemClass =
  "block w-full rounded-md px-3 py-2 text-left text-sm text-neutral-700 hover:bg-neutral-100 dark:text-neutral-200 dark:hover:bg-neutral-800";

/** The signed-in user's menu: a disclosure button and a list of links (not an ARIA menu widget). */
export function AccountMenu(props: AccountMenuProps) {
  const menu = createDisclosure();
  const { open, setOpen } = menu;
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget instanceof Node && !menu.contains(event.relatedTarget)) setOpen(false);
  };

  return (
    <div ref={menu.rootRef} class="relative" onKeyDown={(e) => menu.onKeyDown(e)} onFocusOut={onFocusOut}>
      <button
        ref={menu.buttonRef}
        type="button"
        aria-label="Account menu"
        aria-expanded={open()}
        aria-controls="account-menu"
        onClick={() => menu.toggle()}
        class="flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-neutral-700 hover:bg-neutral-100 dark:text-neutral-200 dark:hover:bg-neutral-800"
      >
        <UserIcon />
        <span data-testid="account-name" class="max-w-40 truncate">
          {props.name}
        </span>
        <ChevronDownIcon />
      </button>
      <Show when={open()}>
        <div
          id="account-menu"
          class="absolute right-0 z-50 mt-2 w-56 rounded-lg border border-neutral-200 bg-white p-1 shadow-lg dark:border-neutral-800 dark:bg-neutral-900"
        >
          <ul class="flex flex-col">
            <For each={props.links}>
              {(link) => (
                <li>
                  <A href={link.href} class={itemClass} activeClass="font-semibold" inactiveClass="">
                    {link.label}
                  </A>
                </li>
              )}
            </For>
            <li class="mt-1 border-t border-neutral-200 pt-1 dark:border-neutral-800">
              <button type="button" class={itemClass} disabled={props.loggingOut} onClick={() => props.onLogout()}>
                {props.loggingOut ? "Logging out…" : "Log out"}
              </button>
            </li>
          </ul>
        </div>
      </Show>
    </div>
  );
}
