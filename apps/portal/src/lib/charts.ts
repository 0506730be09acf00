/**
 * Geometry of the dashboard's server-rendered SVG charts (no JavaScript, no inline style: the CSP
 * allows neither): column charts for counts and horizontal bars for percentages. Pure functions,
 * so the numbers are tested; components/agent/ColumnChart.astro and PercentBars.astro draw them.
 */

export interface Datum {
  /** Full label, for the bar's tooltip (`<title>`). */
  readonly label: string;
  readonly value: number;
  /** Short label under the bar, if it is one of the labelled bars. */
  readonly tick?: string | undefined;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ColumnChartLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: Box;
  readonly max: number;
  readonly bars: ReadonlyArray<Box & { readonly datum: Datum; readonly center: number }>;
  /** Horizontal grid lines with their value. */
  readonly gridLines: ReadonlyArray<{ readonly value: number; readonly y: number }>;
}

/**
 * The smallest "nice" number (1, 2 or 5 × a power of ten) at least `value`; 1 for nothing.
 * @example niceCeiling(37) // 50
 */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Columns for counts: one bar per datum, a scale from 0 to a nice ceiling of the largest value,
 * grid lines at 0, half and the top (whole numbers only).
 * @example columnChart([{ label: "lundi", value: 3 }], { width: 320, height: 160 }).max // 5
 */
export function columnChart(
  data: readonly Datum[],
  size: { width: number; height: number; left?: number; bottom?: number; top?: number; right?: number },
): ColumnChartLayout {
  const { width, height, left = 36, bottom = 24, top = 10, right = 8 } = size;
  const plot: Box = { x: left, y: top, width: width - left - right, height: height - top - bottom };
  const max = niceCeiling(Math.max(0, ...data.map((d) => d.value)));
  const slot = data.length > 0 ? plot.width / data.length : plot.width;
  const gap = data.length > 40 ? slot * 0.1 : slot * 0.25;
  const bars = data.map((datum, index) => {
    const barHeight = (Math.max(0, datum.value) / max) * plot.height;
    const x = plot.x + index * slot + gap / 2;
    return {
      datum,
      x: round(x),
      y: round(plot.y + plot.height - barHeight),
      width: round(slot - gap),
      height: round(barHeight),
      center: round(plot.x + index * slot + slot / 2),
    };
  });
  const values = [...new Set([0, max / 2, max].filter((v) => Number.isInteger(v)))];
  const gridLines = values.map((value) => ({
    value,
    y: round(plot.y + plot.height - (value / max) * plot.height),
  }));
  return { width, height, plot, max, bars, gridLines };
}

export interface PercentBar {
  readonly label: string;
  /** 0–100, or null when there is nothing to measure. */
  readonly percent: number | null;
  readonly y: number;
  /** Width of the filled part. */
  readonly fill: number;
}

/**
 * Horizontal bars on a 0–100 % scale, one row per datum.
 * @example percentBars([{ label: "Premium", percent: 50 }], { width: 400, rowHeight: 32, labelWidth: 140 }).bars[0].fill // 130
 */
export function percentBars(
  data: ReadonlyArray<{ label: string; percent: number | null }>,
  size: { width: number; rowHeight: number; labelWidth: number; valueWidth?: number },
): { width: number; height: number; track: Box; bars: readonly PercentBar[] } {
  const { width, rowHeight, labelWidth, valueWidth = 70 } = size;
  const track: Box = { x: labelWidth, y: 0, width: width - labelWidth - valueWidth, height: rowHeight * 0.6 };
  const bars = data.map((datum, index) => {
    const percent = datum.percent === null ? null : Math.min(100, Math.max(0, datum.percent));
    return {
      label: datum.label,
      percent,
      y: index * rowHeight,
      fill: round(((percent ?? 0) / 100) * track.width),
    };
  });
  return { width, height: data.length * rowHeight, track, bars };
}
