import { A } from "@solidjs/router";
import { batch, createEffect, createResource, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import type { IngestDto, StreamDto } from "@contracts/streams.ts";
import { errorMessage } from "../../lib/api/api-error.ts";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { LoadingNotice } from "../../ui/feedback/loading-notice.tsx";
import { PageMeta } from "../../ui/page-meta.tsx";
import { useSession } from "../auth/session-context.tsx";
import { listCategories } from "../categories/categories.api.ts";
import { getCreatorSettings } from "../creator/settings.api.ts";
import { GoLiveBroadcast } from "./go-live-broadcast.tsx";
import { GoLiveDetails } from "./go-live-details.tsx";
import { GoLivePreview } from "./go-live-preview.tsx";
import { GoLiveProgress } from "./go-live-progress.tsx";
import {
  GO_LIVE_STEPS,
  detailsFromDefaults,
  detailsFromStream,
  previewBlocker,
  toUpdateInput,
  validateDetails,
  type DetailsValues,
  type GoLiveStep,
  type PublishMethod,
} from "./go-live-steps.ts";
import { createPublisher } from "./publisher.ts";
import { activeStream } from "./stream-display.ts";
import { createStreamPoller } from "./stream-poller.ts";
import { createStream, listStreams, updateStream } from "./streams.api.ts";

const primaryButton =
  "rounded-md bg-red-600 px-4 py-2 text-sm font-semibold text-white hover:bg-red-500 aria-disabled:cursor-wait aria-disabled:opacity-70";
const secondaryButton =
  "rounded-md border border-neutral-300 px-4 py-2 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800";
const cardClass =
  "flex flex-col gap-5 rounded-xl border border-neutral-200 bg-white p-6 shadow-sm dark:border-neutral-800 dark:bg-neutral-900";

/** /creator/go-live: details → preview and settings → go live, prefilled from the creator's defaults. */
export default function GoLivePage() {
  const auth = useSession();
  const [setup, { refetch }] = createResource(
    () => auth.me()?.user.id,
    async (creatorId) => {
      // Sequential: three small reads, no need for three connections at once.
      const settings = await getCreatorSettings();
      const { categories } = await listCategories();
      const existing = activeStream((await listStreams({ creatorId, status: "all", limit: 20 })).streams);
      return { settings, categories, existing };
    },
  );

  return (
    <div class="flex max-w-4xl flex-col gap-6">
      <PageMeta title="Go live" description="Set up a stream and go live." />
      <header class="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 class="text-3xl font-bold tracking-tight">Go live</h1>
          <p class="mt-2 text-neutral-600 dark:text-neutral-400">
            Three steps: details, a camera check, and you're on.
          </p>
        </div>
        <A href="/creator/dashboard" class="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Creator dashboard
        </A>
      </header>
      <Switch>
        <Match when={setup.error}>
          <ErrorNotice message={errorMessage(setup.error)} onRetry={() => void refetch()} />
        </Match>
        <Match when={setup.latest}>
          {(loaded) => (
            <Show
              when={loaded().existing?.status === "LIVE" || loaded().existing?.status === "PAUSED"}
              fallback={<Wizard {...loaded()} />}
            >
              <section role="status" data-testid="already-on-air" class={cardClass}>
                <h2 class="text-xl font-semibold">You are already on air</h2>
                <p class="text-sm text-neutral-600 dark:text-neutral-400">
                  “{loaded().existing?.title}” is still running. Manage or end it in the studio first.
                </p>
                <div>
                  <A href="/creator/stream" class={secondaryButton}>
                    Open the studio
                  </A>
                </div>
              </section>
            </Show>
          )}
        </Match>
        <Match when={true}>
          <LoadingNotice label="Loading your stream defaults…" />
        </Match>
      </Switch>
    </div>
  );
}

interface WizardProps {
  settings: Awaited<ReturnType<typeof getCreatorSettings>>;
  categories: Awaited<ReturnType<typeof listCategories>>["categories"];
  existing: StreamDto | null;
}

function Wizard(props: WizardProps) {
  // Read once: a stream set up earlier is resumed, otherwise the defaults fill in the details.
  const start = props.existing;
  const publisher = createPublisher({ quality: props.settings.defaults.quality });
  const [step, setStep] = createSignal<GoLiveStep>(0);
  const [details, setDetails] = createSignal<DetailsValues>(
    start ? detailsFromStream(start) : detailsFromDefaults(props.settings.defaults, props.categories),
  );
  const [errors, setErrors] = createSignal<Partial<Record<keyof DetailsValues, string>>>({});
  const [stepError, setStepError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [method, setMethod] = createSignal<PublishMethod>("browser");
  const [streamId, setStreamId] = createSignal<string | null>(start?.id ?? null);
  const [ingest, setIngest] = createSignal<IngestDto | null>(null);
  const [uploadedThumbnail, setUploadedThumbnail] = createSignal<string | null>(null);
  const [finished, setFinished] = createSignal<StreamDto | null | undefined>(undefined);
  let heading: HTMLHeadingElement | undefined;
  let form: HTMLFormElement | undefined;

  const poller = createStreamPoller({
    streamId: () => (step() === 2 && finished() === undefined ? streamId() : null),
    intervalMs: (current) => (current?.status === "LIVE" ? 5_000 : 1_500),
  });
  // Ended elsewhere (the studio, an admin): the wizard closes too.
  createEffect(
    on(poller.stream, (current) => {
      if (current?.status !== "ENDED" || finished() !== undefined) return;
      void publisher.close();
      setFinished(current);
    }),
  );

  // Closing the tab while publishing pauses the stream: ask first.
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (publisher.connection() !== "offline") event.preventDefault();
  };
  window.addEventListener("beforeunload", onBeforeUnload);
  onCleanup(() => window.removeEventListener("beforeunload", onBeforeUnload));

  const goTo = (next: GoLiveStep) => {
    batch(() => {
      setStepError(null);
      setStep(next);
    });
    heading?.focus();
  };

  const saveDetails = async () => {
    const checked = validateDetails(details());
    if (!checked.ok) {
      setErrors(checked.errors);
      form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    setStepError(null);
    try {
      const id = streamId();
      if (id) {
        await updateStream(id, toUpdateInput(checked.input, { keepThumbnail: uploadedThumbnail() !== null }));
      } else {
        const created = await createStream(checked.input);
        batch(() => {
          setStreamId(created.stream.id);
          setIngest(created.ingest);
        });
      }
      goTo(1);
    } catch (error) {
      setStepError(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const next = (event: SubmitEvent) => {
    event.preventDefault();
    if (busy()) return;
    if (step() === 0) {
      void saveDetails();
      return;
    }
    const blocker = previewBlocker(method(), publisher.preview());
    if (blocker) setStepError(blocker);
    else goTo(2);
  };

  const restart = () => {
    batch(() => {
      setFinished(undefined);
      setStreamId(null);
      setIngest(null);
      setUploadedThumbnail(null);
      setDetails(detailsFromDefaults(props.settings.defaults, props.categories));
      setStep(0);
    });
  };

  const publishing = () => publisher.connection() !== "offline" || poller.stream()?.status === "LIVE";

  return (
    <Show
      when={finished() === undefined}
      fallback={
        <section role="status" data-testid="stream-finished" class={cardClass}>
          <h2 class="text-xl font-semibold">Stream ended</h2>
          <p class="text-sm text-neutral-600 dark:text-neutral-400">
            {finished()?.title ? `“${finished()?.title}” is over. ` : ""}Thanks for streaming.
          </p>
          <div class="flex flex-wrap gap-3">
            <A href="/creator/dashboard" class={secondaryButton}>
              Back to the dashboard
            </A>
            <button type="button" class={secondaryButton} onClick={restart}>
              Set up another stream
            </button>
          </div>
        </section>
      }
    >
      <GoLiveProgress current={step()} />
      <form ref={form} noValidate onSubmit={next} class={cardClass} aria-labelledby="go-live-step-heading">
        <h2 id="go-live-step-heading" ref={heading} tabindex="-1" class="text-xl font-semibold outline-none">
          Step {step() + 1} of {GO_LIVE_STEPS.length}: {GO_LIVE_STEPS[step()].label}
        </h2>
        <Show when={stepError()}>{(message) => <ErrorNotice message={message()} />}</Show>
        <Switch>
          <Match when={step() === 0}>
            <GoLiveDetails
              values={details()}
              onChange={(patch) => setDetails((current) => ({ ...current, ...patch }))}
              errors={errors()}
              categories={props.categories}
              fromDefaults={!start}
            />
          </Match>
          <Match when={step() === 1 && streamId()}>
            {(id) => (
              <GoLivePreview
                publisher={publisher}
                method={method()}
                onMethod={setMethod}
                streamId={id()}
                thumbnailUrl={uploadedThumbnail() ?? (details().thumbnailUrl || null)}
                onThumbnailUploaded={(result) => setUploadedThumbnail(result.url)}
              />
            )}
          </Match>
          <Match when={step() === 2 && streamId()}>
            {(id) => (
              <GoLiveBroadcast
                method={method()}
                publisher={publisher}
                streamId={id()}
                stream={poller.stream()}
                ingest={ingest()}
                refresh={() => void poller.refresh()}
                onEnded={(stream) => setFinished(stream)}
              />
            )}
          </Match>
        </Switch>
        <Show when={step() < 2 || !publishing()}>
          <div class="flex flex-wrap justify-between gap-3 border-t border-neutral-200 pt-4 dark:border-neutral-800">
            <Show when={step() > 0 && !publishing()} fallback={<span />}>
              <button type="button" class={secondaryButton} onClick={() => goTo((step() - 1) as GoLiveStep)}>
                Back
              </button>
            </Show>
            <Show when={step() < 2}>
              <button type="submit" class={primaryButton} aria-disabled={busy()}>
                {busy() ? "Saving…" : `Next: ${GO_LIVE_STEPS[step() + 1]?.label ?? ""}`}
              </button>
            </Show>
          </div>
        </Show>
      </form>
    </Show>
  );
}
