import { A } from "@solidjs/router";
import { createEffect, createSignal, For, onCleanup, Show } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { viewersLabel } from "./stream-display.ts";

const ADVANCE_MS = 6_000;
const SWIPE_PX = 40;

const prefersReducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

/**
 * The featured live streams on /browse: one slide at a time, advancing by itself unless the
 * pointer or focus is on it or the user prefers reduced motion; prev/next, dots and swipe.
 */
export function FeaturedCarousel(props: { streams: StreamDto[] }) {
  const [index, setIndex] = createSignal(0);
  const [held, setHeld] = createSignal(false);
  const count = () => props.streams.length;
  const go = (i: number) => setIndex(((i % count()) + count()) % count());
  const current = () => props.streams[Math.min(index(), count() - 1)];

  createEffect(() => {
    if (held() || count() < 2 || prefersReducedMotion()) return;
    const timer = setInterval(() => go(index() + 1), ADVANCE_MS);
    onCleanup(() => clearInterval(timer));
  });

  let touchX: number | null = null;
  const arrow =
    "rounded-full bg-black/60 px-3 py-1 text-lg text-white hover:bg-black/80 focus-visible:outline focus-visible:outline-2 focus-visible:outline-white";

  return (
    <Show when={current()}>
      {(stream) => (
        <section
          aria-roledescription="carousel"
          aria-label="Featured live streams"
          data-testid="featured-carousel"
          class="relative overflow-hidden rounded-xl bg-gradient-to-br from-indigo-600 to-violet-800 text-white"
          onMouseEnter={() => setHeld(true)}
          onMouseLeave={() => setHeld(false)}
          onFocusIn={() => setHeld(true)}
          onFocusOut={() => setHeld(false)}
          onTouchStart={(e) => (touchX = e.touches[0]?.clientX ?? null)}
          onTouchEnd={(e) => {
            const end = e.changedTouches[0]?.clientX;
            if (touchX !== null && end !== undefined && Math.abs(end - touchX) > SWIPE_PX) {
              go(index() + (end < touchX ? 1 : -1));
            }
            touchX = null;
          }}
        >
          <div
            role="group"
            aria-roledescription="slide"
            aria-label={`${index() + 1} of ${count()}`}
            class="grid gap-4 p-6 sm:grid-cols-[2fr_3fr] sm:p-8"
          >
            <div class="aspect-video overflow-hidden rounded-lg bg-black/30">
              <Show when={stream().thumbnailUrl}>
                {(src) => <img src={src()} alt="" loading="lazy" class="size-full object-cover" />}
              </Show>
            </div>
            <div class="flex flex-col justify-center gap-2">
              <p class="text-xs font-semibold tracking-wide uppercase">
                <span class="rounded bg-red-600 px-1.5 py-0.5">Live</span>{" "}
                <span>{viewersLabel(stream().viewerCount)}</span>
              </p>
              <h2 class="text-2xl font-bold">{stream().title}</h2>
              <p class="text-white/80">
                {stream().creator.displayName}
                <Show when={stream().category}>{(c) => <> · {c().name}</>}</Show>
              </p>
              <div>
                <A
                  href={`/watch/${encodeURIComponent(stream().id)}`}
                  class="mt-2 inline-block rounded-md bg-white px-4 py-2 font-semibold text-indigo-700 hover:bg-indigo-50"
                >
                  Watch now
                </A>
              </div>
            </div>
          </div>
          <Show when={count() > 1}>
            <div class="absolute inset-y-0 left-2 flex items-center">
              <button type="button" class={arrow} aria-label="Previous featured stream" onClick={() => go(index() - 1)}>
                ‹
              </button>
            </div>
            <div class="absolute inset-y-0 right-2 flex items-center">
              <button type="button" class={arrow} aria-label="Next featured stream" onClick={() => go(index() + 1)}>
                ›
              </button>
            </div>
            <div class="absolute inset-x-0 bottom-2 flex justify-center gap-2">
              <For each={props.streams}>
                {(s, i) => (
                  <button
                    type="button"
                    aria-label={`Show ${s.title}`}
                    aria-current={i() === index() ? "true" : undefined}
                    onClick={() => go(i())}
                    class="size-2.5 rounded-full bg-white/50 aria-[current=true]:bg-white"
                  />
                )}
              </For>
            </div>
          </Show>
        </section>
      )}
    </Show>
  );
}
