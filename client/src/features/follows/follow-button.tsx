import { A, useLocation } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import type { FollowStateDto } from "@contracts/follows.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { loginPath } from "../../lib/redirect.ts";
import { useSession } from "../auth/session-context.tsx";
import { followCreator, unfollowCreator } from "./follows.api.ts";
import { followersLabel, optimisticFollow } from "./follow-state.ts";

/** Follow/unfollow with the count; it changes at once and rolls back if the server says no. */
export function FollowButton(props: {
  creatorId: string;
  initial: FollowStateDto;
  onChange?: (s: FollowStateDto) => void;
}) {
  const session = useSession();
  const location = useLocation();
  const [state, setState] = createSignal(props.initial);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  const toggle = async () => {
    if (busy()) return;
    const before = state();
    const follow = !before.following;
    setState(optimisticFollow(before, follow));
    setBusy(true);
    setError(null);
    try {
      const after = await (follow ? followCreator(props.creatorId) : unfollowCreator(props.creatorId));
      setState(after);
      props.onChange?.(after);
    } catch (cause) {
      setState(before);
      setError(errorMessage(cause));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="flex flex-wrap items-center gap-3">
      <Show
        when={session.status() === "signed-in"}
        fallback={
          <A
            href={loginPath(location.pathname)}
            class="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500"
          >
            Sign in to follow
          </A>
        }
      >
        <button
          type="button"
          aria-pressed={state().following}
          aria-busy={busy()}
          onClick={() => void toggle()}
          class="rounded-md px-4 py-2 text-sm font-semibold aria-pressed:border aria-pressed:border-neutral-300 aria-pressed:bg-transparent aria-pressed:text-inherit bg-indigo-600 text-white hover:opacity-90 dark:aria-pressed:border-neutral-700"
        >
          {state().following ? "Following" : "Follow"}
        </button>
      </Show>
      <span data-testid="follower-count" class="text-sm text-neutral-600 dark:text-neutral-400">
        {followersLabel(state().followerCount)}
      </span>
      <Show when={error()}>
        {(message) => (
          <span role="alert" class="text-sm text-red-700 dark:text-red-300">
            {message()}
          </span>
        )}
      </Show>
    </div>
  );
}
