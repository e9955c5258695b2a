// The only module that imports uplot: uplot-chart.tsx loads it with a dynamic import, so the
// library and its stylesheet (a CSS file, which the CSP's style-src 'self' allows) are one chunk
// fetched only by the pages that draw a chart (creator analytics and report, admin payments and analytics).
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export { uPlot };
