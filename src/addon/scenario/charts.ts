// The scenario's native charts, stacked in column A below the ladder: the cumulative cost
// over time, the training cost by provider, the up-front breakdown, the sensitivity's
// tornado and the simulation's NPV histogram. Growing tables' ranges reach CHART_SPARE_ROWS
// below their last row, so rows a user adds and fills down are drawn; blank rows are not.
import { HISTOGRAM_BINS, SIMULATION_TABLE, UPFRONT_ITEMS } from '../../engine';
import {
  HEADER_ROW,
  lastRow,
  RESULTS_COLUMN,
  SENSITIVITY_COLUMN,
  TIMELINE_COLUMN,
  upfrontHeaderRow,
} from './places';
import type { Places } from './places';
import { simulationPlace, VALUE_COLUMN } from './simulation';

/** A chart option's value, as EmbeddedChartBuilder.setOption takes it (plain JSON). */
export type ChartOptionValue =
  | string
  | number
  | boolean
  | readonly ChartOptionValue[]
  | { readonly [key: string]: ChartOptionValue };

export interface ChartSpec {
  readonly type: 'LINE' | 'BAR' | 'PIE' | 'COLUMN';
  readonly title: string;
  /** [row, column, numRows, numColumns], 1-based; a growing table's range has spare rows. */
  readonly range: readonly [number, number, number, number];
  /** Rows of the range that are headers (series names), for setNumHeaders. */
  readonly numHeaders: number;
  /** Options set one by one with setOption (Google Charts' names). */
  readonly options: Readonly<Record<string, ChartOptionValue>>;
  readonly anchorRow: number;
  readonly anchorColumn: number;
}

/** Blank rows each growing table's chart range reaches below it: rows a user adds appear. */
export const CHART_SPARE_ROWS = 25;
/** Rows between the tops of two charts in the stack. */
const CHART_STEP = 20;

type Chart = Omit<ChartSpec, 'numHeaders' | 'anchorRow' | 'anchorColumn'>;

/** Room left of a bar chart for its names (providers, drivers) on the vertical axis. */
const NAMES_AREA = { left: 170, width: '60%' };

/**
 * Month is the domain (first column, numHeaders 1); the third series, Savings (ROI), crosses
 * the $0 baseline at the break-even month, as the API and fine-tuned lines cross each other.
 */
function cumulativeChart(places: Places): Chart {
  const timeline = places.tables.timeline;
  return {
    type: 'LINE',
    title: 'Cumulative cost: API, fine-tuned and managed (savings cross $0 at break-even)',
    range: [HEADER_ROW, TIMELINE_COLUMN, lastRow(timeline) - HEADER_ROW + 1 + CHART_SPARE_ROWS, 5],
    options: {
      hAxis: { title: 'Month', format: '0' },
      vAxis: { title: 'US dollars (cumulative)', format: '$#,##0' },
      legend: { position: 'bottom' },
      series: { 3: { lineDashStyle: [4, 4] } },
    },
  };
}

function providerChart(places: Places): Chart {
  const providers = places.tables.providers;
  return {
    type: 'BAR',
    title: 'Training cost by provider (this model, method and data)',
    range: [
      HEADER_ROW,
      providers.keyColumn,
      lastRow(providers) - HEADER_ROW + 1 + CHART_SPARE_ROWS,
      2,
    ],
    options: {
      // Horizontal bars: provider names sit on the vertical axis, whole and readable.
      hAxis: { title: 'Training cost (US dollars)', format: '$#,##0.00' },
      vAxis: { title: 'GPU provider' },
      legend: { position: 'none' },
      chartArea: NAMES_AREA,
    },
  };
}

function upfrontChart(): Chart {
  return {
    type: 'PIE',
    title: 'Up-front cost breakdown (US dollars)',
    range: [upfrontHeaderRow(), RESULTS_COLUMN, UPFRONT_ITEMS().length + 1, 2],
    options: {
      // Labels beside the slices drawn, not a side legend: items of $0 have no slice and
      // get no label, and long labels are not cut by a narrow legend.
      legend: { position: 'labeled' },
      pieSliceText: 'none',
      sliceVisibilityThreshold: 0.005,
      pieResidueSliceLabel: 'Other (under 0.5%)',
    },
  };
}

/** A tornado: the NPV with each driver 30% down and up, the widest first (row order). */
function tornadoChart(drivers: number): Chart {
  return {
    type: 'BAR',
    title: 'NPV at the horizon with each driver 30% down and 30% up',
    range: [HEADER_ROW, SENSITIVITY_COLUMN, drivers + 1, 3],
    options: {
      hAxis: { title: 'NPV at the horizon (US dollars)', format: '$#,##0' },
      vAxis: { title: 'Driver' },
      legend: { position: 'bottom' },
      chartArea: NAMES_AREA,
    },
  };
}

/** The histogram as columns: bar starts (the domain) and runs, under their header row. */
function simulationChart(places: Places): Chart {
  const histogramHeader = simulationPlace(places).formula + SIMULATION_TABLE.histogramHeaderRow;
  return {
    type: 'COLUMN',
    title: 'NPV at the horizon over 10,000 runs (runs per bar)',
    range: [histogramHeader, VALUE_COLUMN, HISTOGRAM_BINS + 1, 2],
    options: {
      hAxis: { title: 'NPV at the horizon, bar from (US dollars)', format: '$#,##0' },
      vAxis: { title: 'Runs' },
      legend: { position: 'none' },
      bar: { groupWidth: '95%' },
    },
  };
}

/** The charts, one below the other in column A from the first row under the ladder. */
export function scenarioCharts(places: Places, drivers: number): ChartSpec[] {
  const charts = [
    cumulativeChart(places),
    providerChart(places),
    upfrontChart(),
    tornadoChart(drivers),
    simulationChart(places),
  ];
  // Each chart's first column is its domain (months, names), its header row the series' names.
  return charts.map((chart, i) => ({
    ...chart,
    options: { useFirstColumnAsDomain: true, ...chart.options },
    numHeaders: 1,
    anchorRow: places.chartsRow + i * CHART_STEP,
    anchorColumn: 1,
  }));
}
