import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { imageSrcset } from "@contracts/upload-urls.ts";
import { STREAM_STATUS, viewersLabel } from "./stream-display.ts";

/** The card's width in the grid (1 column on phones, up to 4 on wide screens): picks a thumbnail size. */
const CARD_SIZES = "(min-width: 1280px) 25vw, (min-width: 1024px) 33vw, (min-width: 640px) 50vw, 100vw";

/**
 * A stream in a grid: thumbnail (lazy; an uploaded one in every stored size), LIVE and viewers or its
 * status, title, creator (a link), category.
 */
export function StreamCard(props: { stream: StreamDto }) {
  const [thumbnailFailed, setThumbnailFailed] = createSignal(false);
  const initial = () => props.stream.creator.displayName.trim().charAt(0).toUpperCase() || "?";
  return (
    <article
      data-testid="stream-card"
      data-stream-id={props.stream.id}
      class="group relative h-full overflow-hidden rounded-lg border border-neutral-200 bg-white shadow-sm focus-within:ring-2 focus-within:ring-indigo-500 dark:border-neutral-800 dark:bg-neutral-900"
    >
      <div class="relative aspect-video bg-gradient-to-br from-indigo-500 to-violet-700">
        <Show
          when={props.stream.thumbnailUrl && !thumbnailFailed()}
          fallback={
            <span
              class="absolute inset-0 flex items-center justify-center text-5xl font-bold text-white/80"
              aria-hidden="true"
            >
              {initial()}
            </span>
          }
        >
          <img
            src={props.stream.thumbnailUrl ?? ""}
            srcset={imageSrcset(props.stream.thumbnailUrl)}
            sizes={imageSrcset(props.stream.thumbnailUrl) ? CARD_SIZES : undefined}
            alt=""
            data-testid="stream-card-thumbnail"
            loading="lazy"
            referrerpolicy="no-referrer"
            onError={() => setThumbnailFailed(true)}
            class="size-full object-cover"
          />
        </Show>
        <p class="absolute top-2 left-2 flex items-center gap-1.5 text-xs font-semibold">
          <Show
            when={props.stream.status === "LIVE"}
            fallback={
              <span class="rounded bg-black/70 px-1.5 py-0.5 text-white uppercase">
                {STREAM_STATUS[props.stream.status].label}
              </span>
            }
          >
            <span class="rounded bg-red-600 px-1.5 py-0.5 text-white uppercase">Live</span>
            <span data-testid="stream-card-viewers" class="rounded bg-black/70 px-1.5 py-0.5 text-white">
              {viewersLabel(props.stream.viewerCount)}
            </span>
          </Show>
        </p>
      </div>
      <div class="p-3">
        <h3 class="truncate font-semibold">
          {/* The whole card is the link's hit area; the title is its name. */}
          <A
            href={`/watch/${encodeURIComponent(props.stream.id)}`}
            class="after:absolute after:inset-0 focus:outline-none"
          >
            {props.stream.title}
          </A>
        </h3>
        <p class="mt-0.5 truncate text-sm text-neutral-600 dark:text-neutral-400">
          {/* Above the card's link layer, so the creator's name opens their profile. */}
          <A
            href={`/creator/${encodeURIComponent(props.stream.creator.id)}`}
            class="relative z-10 hover:underline focus-visible:underline"
          >
            {props.stream.creator.displayName}
          </A>
        </p>
        <Show when={props.stream.category}>
          {(category) => <p class="mt-1 text-xs text-neutral-500 dark:text-neutral-400">{category().name}</p>}
        </Show>
      </div>
    </article>
  );
}
