/**
 * The parts of ECharts the analysis and periods views use, registered once (tree-shaken through
 * echarts/core). Loaded with import() from effects only, so it never runs on the server.
 */
import { BarChart, HeatmapChart, ScatterChart } from "echarts/charts";
import { DataZoomComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer, SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, HeatmapChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, DataZoomComponent, MarkAreaComponent, MarkLineComponent, CanvasRenderer, SVGRenderer]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;
