import { createSignal, onCleanup, onMount, Show } from "solid-js";

export interface EmojiPickerProps {
  onPick: (emoji: string) => void;
  onClose: () => void;
  /** The button that toggles the picker: a click on it is not a click outside. */
  toggle?: HTMLElement | undefined;
}

interface PickedEmoji {
  native?: string;
}

/**
 * emoji-mart puts its CSS in a <style> element inside its shadow root, which the page's
 * Content-Security-Policy (style-src 'self') refuses. The same CSS as a constructed stylesheet is
 * CSSOM, which the policy allows.
 */
function adoptInlineStyles(element: HTMLElement): void {
  const root = element.shadowRoot;
  if (!root) return;
  const sheets: CSSStyleSheet[] = [];
  for (const style of root.querySelectorAll("style")) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(style.textContent ?? "");
    sheets.push(sheet);
    style.remove();
  }
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
}

/**
 * emoji-mart's picker and its data (hundreds of kB) are fetched when the picker first opens, so
 * the watch page does not carry them.
 */
export function EmojiPicker(props: EmojiPickerProps) {
  let host: HTMLDivElement | undefined;
  const [state, setState] = createSignal<"loading" | "ready" | "failed">("loading");
  let disposed = false;

  onMount(() => {
    void Promise.all([import("emoji-mart"), import("@emoji-mart/data")])
      .then(([{ Picker }, data]) => {
        if (disposed || !host) return;
        const picker = new Picker({
          data: data.default,
          theme: document.documentElement.classList.contains("dark") ? "dark" : "light",
          previewPosition: "none",
          skinTonePosition: "search",
          autoFocus: true,
          onEmojiSelect: (emoji: PickedEmoji) => {
            if (emoji.native) props.onPick(emoji.native);
          },
          onClickOutside: (event: MouseEvent) => {
            if (props.toggle && event.target instanceof Node && props.toggle.contains(event.target)) return;
            props.onClose();
          },
        });
        adoptInlineStyles(picker as unknown as HTMLElement);
        host.append(picker as unknown as Node);
        setState("ready");
      })
      .catch(() => {
        if (!disposed) setState("failed");
      });
  });
  onCleanup(() => {
    disposed = true;
  });

  return (
    <div
      role="dialog"
      aria-label="Emoji picker"
      data-testid="emoji-picker"
      class="absolute right-0 bottom-full z-40 mb-2"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          props.onClose();
        }
      }}
    >
      <Show when={state() !== "ready"}>
        <p class="rounded-md border border-neutral-200 bg-white p-3 text-sm shadow-lg dark:border-neutral-700 dark:bg-neutral-900">
          {state() === "failed" ? "The emoji picker could not load." : "Loading emoji…"}
        </p>
      </Show>
      <div ref={host} />
    </div>
  );
}
