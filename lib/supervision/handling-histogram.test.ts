import { describe, expect, it } from "vitest";
import { addHistogram, summarizeHistogram, type THandlingHistogram } from "./handling-histogram";

describe("handling histograms", () => {
  it("gives the average and percentile_cont's interpolated 90th percentile of the tasks it holds", () => {
    // [1, 2, 7, 8]: position 0.9 × 3 = 2.7, so 7 + 0.7 × (8 − 7).
    const { average, percentile } = summarizeHistogram({ "1": 1, "2": 1, "7": 1, "8": 1 });
    expect(average).toBe(4.5);
    expect(percentile).toBeCloseTo(7.7, 10);
  });

  it("adds the days of a range into one histogram whatever their order, repeated values included", () => {
    const days: THandlingHistogram[] = [{ "3": 2 }, { "10": 1, "3": 1 }, {}, { "0": 1 }];
    const range = days.reduce((sum, day) => addHistogram(sum, day), {});
    expect(range).toEqual({ "0": 1, "3": 3, "10": 1 });
    // [0, 3, 3, 3, 10]: position 3.6 → 3 + 0.6 × (10 − 3).
    const summary = summarizeHistogram(range);
    expect(summary.average).toBe(19 / 5);
    expect(summary.percentile).toBeCloseTo(7.2, 10);
  });

  it("has no average or percentile without tasks, and one task's own value with one", () => {
    expect(summarizeHistogram({})).toEqual({ average: null, percentile: null });
    expect(summarizeHistogram({ "12": 1 })).toEqual({ average: 12, percentile: 12 });
  });
});
