import type uPlot from "uplot";
import { createEffect, createSignal, onCleanup, onMount, Show, type JSX } from "solid-js";
import { ErrorNotice } from "../../ui/feedback/error-notice.tsx";
import { compactNumber, shortDay } from "./chart-axis.ts";

// Canvas text cannot follow CSS colours; a mid grey reads on the light and the dark theme.
const AXIS_COLOUR = "#8a8a8a";

type UPlotModule = typeof import("./uplot-sdk.ts");
let loading: Promise<UPlotModule> | undefined;

function loadUPlot(): Promise<UPlotModule> {
  loading ??= import("./uplot-sdk.ts").catch((error: unknown) => {
    loading = undefined; // a failed chunk download may succeed on the next try
    throw error;
  });
  return loading;
}

export interface UPlotChartProps {
  /** Names the chart for assistive technology; the `summary` carries its content. */
  label: string;
  /** x: UTC days (or minutes, with `xLabel`) in epoch seconds; y: one value per x. */
  x: number[];
  y: number[];
  seriesLabel: string;
  /** A CSS colour for the line and its fill. */
  stroke: string;
  height?: number;
  /** The chart's text alternative (a table or a sentence), read instead of the canvas. */
  summary: JSX.Element;
  testId?: string;
  /** An x axis tick's text; default the UTC day ("Dec 2"). */
  xLabel?: (seconds: number) => string;
  /** More lines over the same x (e.g. one per payment provider); a legend names them all. */
  more?: { label: string; y: number[]; stroke: string }[];
}

/**
 * A line chart over days (one series, or more with a legend). The canvas is hidden from screen readers, which read
 * `summary` instead; uPlot sizes itself to the container's width and follows its resizes.
 */
export function UPlotChart(props: UPlotChartProps) {
  let container: HTMLDivElement | undefined;
  let chart: uPlot | undefined;
  const [error, setError] = createSignal<unknown>(null);
  const [lib, setLib] = createSignal<UPlotModule>();

  const load = () => {
    setError(null);
    loadUPlot().then(setLib, setError);
  };
  onMount(load);

  const width = () => Math.max(200, container?.clientWidth ?? 600);

  createEffect(() => {
    const module = lib();
    if (!module || !container) return;
    const more = props.more ?? [];
    const data: uPlot.AlignedData = [props.x, props.y, ...more.map((s) => s.y)];
    if (chart) {
      chart.setData(data);
      return;
    }
    chart = new module.uPlot(
      {
        width: width(),
        height: props.height ?? 220,
        legend: { show: more.length > 0 },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        axes: [
          { values: (_u, ticks) => ticks.map((t) => (props.xLabel ?? shortDay)(t)), stroke: AXIS_COLOUR },
          { values: (_u, ticks) => ticks.map((t) => compactNumber(t)), stroke: AXIS_COLOUR, size: 56 },
        ],
        series: [
          {},
          { label: props.seriesLabel, stroke: props.stroke, width: 2, fill: `${props.stroke}22` },
          ...more.map((s) => ({ label: s.label, stroke: s.stroke, width: 2 })),
        ],
      },
      data,
      container,
    );
  });

  onMount(() => {
    if (typeof ResizeObserver === "undefined" || !container) return;
    const observer = new ResizeObserver(() => chart?.setSize({ width: width(), height: props.height ?? 220 }));
    observer.observe(container);
    onCleanup(() => observer.disconnect());
  });
  onCleanup(() => {
    chart?.destroy();
    chart = undefined;
  });

  return (
    <figure class="flex flex-col gap-2" data-testid={props.testId}>
      <Show when={error()}>
        <ErrorNotice message="The chart could not be loaded." onRetry={load} />
      </Show>
      <div ref={container} aria-hidden="true" class="min-h-[220px] w-full text-neutral-500 dark:text-neutral-400" />
      <figcaption class="sr-only">
        {props.label}
        {props.summary}
      </figcaption>
    </figure>
  );
}
