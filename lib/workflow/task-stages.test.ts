import { describe, expect, it } from "vitest";
import { layoutTaskStages } from "./task-stages";

const task = (id: string, ...prerequisiteTaskIds: string[]) => ({ id, prerequisiteTaskIds });
const ids = (stages: { id: string }[][]) => stages.map((stage) => stage.map((entry) => entry.id));

describe("layoutTaskStages", () => {
  it("puts independent tasks in one stage", () => {
    expect(ids(layoutTaskStages([task("amr"), task("fire"), task("urban")]))).toEqual([["amr", "fire", "urban"]]);
  });
  it("orders a chain, with parallel tasks sharing a stage", () => {
    expect(ids(layoutTaskStages([task("health"), task("police", "health"), task("medins", "police"), task("hrss", "police")]))).toEqual([["health"], ["police"], ["medins", "hrss"]]);
  });
  it("places a task after its longest chain of prerequisites", () => {
    expect(ids(layoutTaskStages([task("a"), task("b", "a"), task("c", "a", "b")]))).toEqual([["a"], ["b"], ["c"]]);
  });
  it("ignores prerequisites that are not in the case and survives a cycle", () => {
    expect(ids(layoutTaskStages([task("a", "elsewhere")]))).toEqual([["a"]]);
    expect(layoutTaskStages([task("a", "b"), task("b", "a")]).flat()).toHaveLength(2);
  });
});
