import { createSignal, Show } from "solid-js";
import { imageSrcset } from "@contracts/uploads.ts";
import { ImageUploader } from "../../ui/upload/image-uploader.tsx";
import { useSession } from "../auth/session-context.tsx";

/** The current avatar (or the initial), and the uploader that replaces it on the profile. */
export function SettingsAvatar(props: { displayName: string; url: string | null }) {
  const session = useSession();
  // The starting picture; uploads replace it.
  const [url, setUrl] = createSignal(props.url);
  const [status, setStatus] = createSignal("");
  const initial = () => props.displayName.trim().charAt(0).toUpperCase() || "?";

  return (
    <div class="flex flex-wrap items-start gap-6">
      <Show
        when={url()}
        fallback={
          <span
            data-testid="settings-avatar"
            aria-hidden="true"
            class="flex size-24 items-center justify-center rounded-full bg-indigo-100 text-3xl font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
          >
            {initial()}
          </span>
        }
      >
        {(src) => (
          <img
            data-testid="settings-avatar"
            src={src()}
            srcset={imageSrcset(src())}
            sizes="96px"
            alt="Your avatar"
            class="size-24 rounded-full object-cover"
          />
        )}
      </Show>
      <div class="min-w-0 flex-1">
        <ImageUploader
          kind="avatar"
          aspect={1}
          label="Upload a new avatar"
          currentUrl={url() ?? undefined}
          onUploaded={(result) => {
            setUrl(result.url);
            setStatus("Avatar updated.");
            void session.reload();
          }}
        />
        <p role="status" aria-live="polite" class="mt-2 text-sm text-emerald-700 dark:text-emerald-400">
          {status()}
        </p>
      </div>
    </div>
  );
}
