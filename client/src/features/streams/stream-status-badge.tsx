import { Show } from "solid-js";
import type { StreamStatus } from "@contracts/streams.ts";
import { Badge } from "../../ui/feedback/badge.tsx";
import { STREAM_STATUS } from "./stream-display.ts";

export function StreamStatusBadge(props: { status: StreamStatus }) {
  return (
    <span data-testid="stream-status" data-status={props.status}>
      <Badge tone={STREAM_STATUS[props.status].tone}>
        <Show when={props.status === "LIVE"}>
          <span class="mr-1.5 size-1.5 rounded-full bg-red-600 motion-safe:animate-pulse" aria-hidden="true" />
        </Show>
        {STREAM_STATUS[props.status].label}
      </Badge>
    </span>
  );
}
