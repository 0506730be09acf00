// Unit tests of lib/charts.ts: the dashboard charts' scales and bar geometry, by hand-checked numbers.
import { describe, expect, it } from "vitest";
import { columnChart, niceCeiling, percentBars } from "./charts.ts";

describe("niceCeiling", () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [37, 50],
    [120, 200],
    [0.4, 0.5],
  ])("%d → %d", (value, nice) => {
    expect(niceCeiling(value)).toBe(nice);
  });
});

describe("columnChart", () => {
  // Plot: x 36..316 (280 wide), y 10..136 (126 high).
  const size = { width: 324, height: 160 };
  const data = [
    { label: "lun.", value: 4 },
    { label: "mar.", value: 0 },
    { label: "mer.", value: 10 },
    { label: "jeu.", value: 5 },
  ];

  it("scales to a nice maximum and puts 0 on the base line", () => {
    const chart = columnChart(data, size);
    expect(chart.plot).toEqual({ x: 36, y: 10, width: 280, height: 126 });
    expect(chart.max).toBe(10);
    // Slots of 70, a quarter of each as gap: bars 52.5 wide, starting 8.75 into their slot.
    expect(chart.bars.map((b) => [b.x, b.width])).toEqual([
      [44.75, 52.5],
      [114.75, 52.5],
      [184.75, 52.5],
      [254.75, 52.5],
    ]);
    expect(chart.bars.map((b) => b.height)).toEqual([50.4, 0, 126, 63]);
    expect(chart.bars.map((b) => b.y)).toEqual([85.6, 136, 10, 73]);
    expect(chart.bars.map((b) => b.center)).toEqual([71, 141, 211, 281]);
  });

  it("draws grid lines at 0, half and the top, whole numbers only", () => {
    expect(columnChart(data, size).gridLines).toEqual([
      { value: 0, y: 136 },
      { value: 5, y: 73 },
      { value: 10, y: 10 },
    ]);
    expect(columnChart([{ label: "x", value: 1 }], size).gridLines.map((g) => g.value)).toEqual([0, 1]);
  });

  it("keeps an empty series on a 0–1 scale", () => {
    const chart = columnChart([{ label: "a", value: 0 }], size);
    expect(chart.max).toBe(1);
    expect(chart.bars[0]?.height).toBe(0);
  });

  it("narrows the gaps of long series (90 days)", () => {
    const chart = columnChart(
      Array.from({ length: 90 }, (_, i) => ({ label: String(i), value: i % 3 })),
      { width: 944, height: 160 },
    );
    // 900 wide / 90 = 10 per slot, gap 1.
    expect(chart.bars[0]?.width).toBe(9);
    expect(chart.bars[89]?.x).toBe(926.5);
  });
});

describe("percentBars", () => {
  it("fills each track in proportion, clamps, and leaves missing values empty", () => {
    const layout = percentBars(
      [
        { label: "Premium", percent: 87.5 },
        { label: "Payant", percent: null },
        { label: "Trop", percent: 120 },
      ],
      { width: 400, rowHeight: 30, labelWidth: 130 },
    );
    expect(layout.track).toEqual({ x: 130, y: 0, width: 200, height: 18 });
    expect(layout.height).toBe(90);
    expect(layout.bars.map((b) => [b.percent, b.fill, b.y])).toEqual([
      [87.5, 175, 0],
      [null, 0, 30],
      [100, 200, 60],
    ]);
  });
});
