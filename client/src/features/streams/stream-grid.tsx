import { For } from "solid-js";
import type { StreamDto } from "@contracts/streams.ts";
import { StreamCard } from "./stream-card.tsx";

export function StreamGrid(props: { streams: StreamDto[] }) {
  return (
    <ul class="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
      <For each={props.streams}>
        {(stream) => (
          <li>
            <StreamCard stream={stream} />
          </li>
        )}
      </For>
    </ul>
  );
}
